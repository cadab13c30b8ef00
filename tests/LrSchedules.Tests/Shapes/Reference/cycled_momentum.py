"""Expected values of CycledMomentumTests, computed by transcribing torch/optim/lr_scheduler.py.

OneCycleLR.get_lr (the momentum branch, with its phase table and _annealing_cos / _annealing_linear) and
CyclicLR.get_lr (the momentum branch, with _triangular_scale_fn, _triangular2_scale_fn, _exp_range_scale_fn and the
scale_mode each mode forces), copied line by line from PyTorch (commit 008f727e of pytorch/pytorch). No torch needed:
python3 cycled_momentum.py prints every value the tests assert, as repr() floats.
"""
import math


def one_cycle_momentum(step_num, total_steps, pct_start=0.3, anneal_strategy="cos", base_momentum=0.85,
                       max_momentum=0.95, three_phase=False):
    if three_phase:
        phases = [
            {"end_step": float(pct_start * total_steps) - 1, "start_momentum": "max_momentum", "end_momentum": "base_momentum"},
            {"end_step": float(2 * pct_start * total_steps) - 2, "start_momentum": "base_momentum", "end_momentum": "max_momentum"},
            {"end_step": total_steps - 1, "start_momentum": "max_momentum", "end_momentum": "max_momentum"},
        ]
    else:
        phases = [
            {"end_step": float(pct_start * total_steps) - 1, "start_momentum": "max_momentum", "end_momentum": "base_momentum"},
            {"end_step": total_steps - 1, "start_momentum": "base_momentum", "end_momentum": "max_momentum"},
        ]
    group = {"max_momentum": max_momentum, "base_momentum": base_momentum}

    def anneal(start, end, pct):
        if anneal_strategy == "cos":
            cos_out = math.cos(math.pi * pct) + 1
            return end + (start - end) / 2.0 * cos_out
        return (end - start) * pct + start

    start_step = 0.0
    for i, phase in enumerate(phases):
        end_step = phase["end_step"]
        if step_num <= end_step or i == len(phases) - 1:
            pct = (step_num - start_step) / (end_step - start_step)
            return anneal(group[phase["start_momentum"]], group[phase["end_momentum"]], pct)
        start_step = phase["end_step"]


def cyclic_momentum(last_epoch, base_momentum, max_momentum, step_size_up, step_size_down=None, mode="triangular", gamma=1.0):
    step_size_up = float(step_size_up)
    step_size_down = float(step_size_down) if step_size_down is not None else step_size_up
    total_size = step_size_up + step_size_down
    step_ratio = step_size_up / total_size
    if mode == "triangular":
        scale_fn, scale_mode = (lambda x: 1.0), "cycle"
    elif mode == "triangular2":
        scale_fn, scale_mode = (lambda x: 1 / (2.0 ** (x - 1))), "cycle"
    else:
        scale_fn, scale_mode = (lambda x: gamma ** x), "iterations"

    cycle = math.floor(1 + last_epoch / total_size)
    x = 1.0 + last_epoch / total_size - cycle
    if x <= step_ratio:
        scale_factor = x / step_ratio
    else:
        scale_factor = (x - 1) / (step_ratio - 1)
    base_height = (max_momentum - base_momentum) * scale_factor
    if scale_mode == "cycle":
        return max_momentum - base_height * scale_fn(cycle)
    return max_momentum - base_height * scale_fn(last_epoch)


def show(name, function, steps, **kwargs):
    print(name, kwargs)
    for step in steps:
        print(f"    ({step}, {function(step, **kwargs)!r}),")


show("OneCycle two phases, cos", one_cycle_momentum, [0, 1, 28, 29, 30, 31, 50, 98, 99], total_steps=100)
show("OneCycle three phases, linear", one_cycle_momentum, [0, 23, 24, 25, 47, 48, 49, 98, 99],
     total_steps=100, pct_start=0.25, anneal_strategy="linear", three_phase=True)
show("Cyclic triangular", cyclic_momentum, [0, 3, 4, 5, 9, 10, 14, 1000, 1003],
     base_momentum=0.8, max_momentum=0.9, step_size_up=4, step_size_down=6)
show("Cyclic triangular2", cyclic_momentum, [0, 5, 10, 13, 15, 20, 25],
     base_momentum=0.8, max_momentum=0.9, step_size_up=5, mode="triangular2")
show("Cyclic exp_range", cyclic_momentum, [0, 5, 7, 10, 1002],
     base_momentum=0.85, max_momentum=0.95, step_size_up=5, mode="exp_range", gamma=0.99)
