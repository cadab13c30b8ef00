"""Expected values of WeightDecayIncreaseTests, by transcribing OptimizerParamScheduler.get_wd of Megatron-LM
(megatron/core/optimizer_param_scheduler.py, commit d98e8a64 of NVIDIA/Megatron-LM). num_steps is the number of
optimizer steps taken before the update, so step t of the schedule is num_steps = t. python3 megatron_weight_decay.py
prints every value the tests assert, as repr() floats."""
import math


def get_wd(num_steps, start_wd, end_wd, wd_incr_steps, wd_incr_style):
    if num_steps > wd_incr_steps:
        return end_wd

    if wd_incr_style == 'constant':
        assert start_wd == end_wd
        return end_wd

    incr_ratio = float(num_steps) / float(wd_incr_steps)
    assert incr_ratio >= 0.0
    assert incr_ratio <= 1.0
    delta_wd = end_wd - start_wd

    if wd_incr_style == 'linear':
        coeff = incr_ratio
    elif wd_incr_style == 'cosine':
        coeff = 0.5 * (math.cos(math.pi * (1 - incr_ratio)) + 1.0)
    else:
        raise Exception(f'{wd_incr_style} weight decay increment style is not supported.')

    return start_wd + coeff * delta_wd


for style in ('linear', 'cosine'):
    print(style, "start_wd=0.01 end_wd=0.1 wd_incr_steps=1000")
    for step in (0, 1, 250, 333, 500, 999, 1000, 1001):
        print(f"    ({step}, {get_wd(step, 0.01, 0.1, 1000, style)!r}),")
