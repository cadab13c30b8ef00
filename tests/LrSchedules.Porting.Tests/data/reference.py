"""Reference values for tests/LrSchedules.Porting.Tests (Megatron and OLMo-core have no golden recording).

Each class below is the origin's arithmetic transcribed verbatim, torch removed:
- Megatron-LM megatron/core/optimizer_param_scheduler.py @ d98e8a64ddf34856e74b24714e3bedb2f5a39553
  (OptimizerParamScheduler.get_lr / get_wd), megatron/core/num_microbatches_calculator.py (the step batch-size
  schedule parser) and, for the legacy ramp, the same file at 532ad926b4f2e50770841c120efcf70f686f74d9^.
- OLMo-core src/olmo_core/optim/scheduler.py @ fa6c5014c9f6e9ee789da2d9c20d5126fee8df0d.

Run: python3 reference.py  -- prints `case step value` lines (repr floats); the C# tests hold those literals.
"""
import math
from math import cos, pi, sqrt


# ---------------------------------------------------------------- Megatron-LM
class OptimizerParamScheduler:
    def __init__(self, init_lr, max_lr, min_lr, lr_warmup_steps, lr_decay_steps, lr_decay_style,
                 start_wd, end_wd, wd_incr_steps, wd_incr_style, wsd_decay_steps=None, lr_wsd_decay_style=None):
        self.init_lr = init_lr; self.max_lr = float(max_lr); self.min_lr = min_lr
        assert self.min_lr >= 0.0 and self.max_lr >= self.min_lr and self.init_lr <= self.max_lr
        self.lr_warmup_steps = lr_warmup_steps; self.num_steps = 0; self.lr_decay_steps = lr_decay_steps
        self.wsd_decay_steps = wsd_decay_steps; self.lr_wsd_decay_style = lr_wsd_decay_style
        assert self.lr_decay_steps > 0 and self.lr_warmup_steps < self.lr_decay_steps
        self.lr_decay_style = lr_decay_style
        self.start_wd = start_wd; self.end_wd = end_wd; self.wd_incr_steps = wd_incr_steps; self.wd_incr_style = wd_incr_style

    def get_wd(self):
        start_wd = self.start_wd; end_wd = self.end_wd
        if self.num_steps > self.wd_incr_steps:
            return end_wd
        if self.wd_incr_style == 'constant':
            assert start_wd == end_wd
            return end_wd
        incr_ratio = float(self.num_steps) / float(self.wd_incr_steps)
        delta_wd = end_wd - start_wd
        if self.wd_incr_style == 'linear':
            coeff = incr_ratio
        elif self.wd_incr_style == 'cosine':
            coeff = 0.5 * (math.cos(math.pi * (1 - incr_ratio)) + 1.0)
        return start_wd + coeff * delta_wd

    def get_lr(self):
        max_lr = self.max_lr; min_lr = self.min_lr
        if self.lr_warmup_steps > 0 and self.num_steps <= self.lr_warmup_steps:
            return self.init_lr + ((max_lr - self.init_lr) * float(self.num_steps) / float(self.lr_warmup_steps))
        if self.lr_decay_style == 'constant':
            return max_lr
        if self.num_steps > self.lr_decay_steps:
            return min_lr
        if self.lr_decay_style == 'inverse-square-root':
            warmup_steps = max(self.lr_warmup_steps, 1)
            num_steps = max(self.num_steps, 1)
            lr = max_lr * warmup_steps**0.5 / (num_steps**0.5)
            return max(min_lr, lr)
        num_steps_ = self.num_steps - self.lr_warmup_steps
        decay_steps_ = self.lr_decay_steps - self.lr_warmup_steps
        decay_ratio = float(num_steps_) / float(decay_steps_)
        delta_lr = max_lr - min_lr
        coeff = None
        if self.lr_decay_style == 'linear':
            coeff = 1.0 - decay_ratio
        elif self.lr_decay_style == 'cosine':
            coeff = 0.5 * (math.cos(math.pi * decay_ratio) + 1.0)
        elif self.lr_decay_style == 'WSD':
            wsd_anneal_start_ = self.lr_decay_steps - self.wsd_decay_steps
            if self.num_steps <= wsd_anneal_start_:
                coeff = 1.0
            else:
                wsd_steps = self.num_steps - wsd_anneal_start_
                wsd_decay_ratio = float(wsd_steps) / float(self.wsd_decay_steps)
                if self.lr_wsd_decay_style == "linear":
                    coeff = 1.0 - wsd_decay_ratio
                elif self.lr_wsd_decay_style == "cosine":
                    coeff = 0.5 * (math.cos(math.pi * wsd_decay_ratio) + 1.0)
                elif self.lr_wsd_decay_style == "exponential":
                    coeff = (2.0 * math.pow(0.5, wsd_decay_ratio)) - 1.0
                elif self.lr_wsd_decay_style == "minus_sqrt":
                    coeff = 1.0 - math.sqrt(wsd_decay_ratio)
        return min_lr + coeff * delta_lr


def megatron(name, steps, **kwargs):
    s = OptimizerParamScheduler(**kwargs)
    for n in steps:
        s.num_steps = n
        print(f"megatron_{name} {n} {s.get_lr()!r} {s.get_wd()!r}")


def parse_numeric_value(value_str):
    value_str = value_str.strip().upper()
    multiplier = 1
    if value_str.endswith('T'): multiplier = 1_000_000_000_000; value_str = value_str[:-1]
    elif value_str.endswith('B'): multiplier = 1_000_000_000; value_str = value_str[:-1]
    elif value_str.endswith('M'): multiplier = 1_000_000; value_str = value_str[:-1]
    elif value_str.endswith('K'): multiplier = 1_000; value_str = value_str[:-1]
    return int(float(value_str) * multiplier)


def parse_schedule(schedule_str, seq_length):
    schedule = []
    for entry in schedule_str.strip().replace(',', ' ').split():
        threshold_str, batch_size_str = entry.split(':', 1)
        threshold = parse_numeric_value(threshold_str)
        batch_size = parse_numeric_value(batch_size_str)
        if seq_length is not None:
            threshold = threshold // seq_length
        schedule.append((threshold, batch_size))
    schedule.sort(key=lambda x: x[0])
    return schedule


def legacy_rampup(start, increment, ramup_samples, global_batch_size, consumed):
    num_increments = (global_batch_size - start) // increment
    per = ramup_samples / num_increments
    if consumed > ramup_samples:
        return global_batch_size
    return start + int(consumed / per) * increment


# ---------------------------------------------------------------- OLMo-core
def _linear_warmup(initial_lr, current, warmup, warmup_min_lr=0.0):
    assert 0 <= warmup_min_lr < initial_lr
    return warmup_min_lr + (initial_lr - warmup_min_lr) * min(current, warmup) / warmup


def _linear_decay(initial_lr, step_from_end, decay, decay_min_lr=0.0):
    assert 0 <= decay_min_lr < initial_lr
    return decay_min_lr + (initial_lr - decay_min_lr) * min(step_from_end, decay) / decay


class ConstantWithWarmup:
    def __init__(self, warmup=None, warmup_fraction=None, warmup_min_lr=0.0):
        self.warmup = warmup; self.warmup_fraction = warmup_fraction; self.warmup_min_lr = warmup_min_lr
    def get_lr(self, initial_lr, current, t_max):
        warmup = round(t_max * self.warmup_fraction) if self.warmup is None else self.warmup
        if current <= warmup:
            return _linear_warmup(initial_lr, current, warmup, self.warmup_min_lr)
        return initial_lr


class WSD:
    def __init__(self, warmup=None, warmup_fraction=None, decay=None, decay_fraction=0.1, warmup_min_lr=0.0, decay_min_lr=0.0):
        self.warmup = warmup; self.warmup_fraction = warmup_fraction; self.decay = decay
        self.decay_fraction = decay_fraction; self.warmup_min_lr = warmup_min_lr; self.decay_min_lr = decay_min_lr
    def get_lr(self, initial_lr, current, t_max):
        warmup = round(t_max * self.warmup_fraction) if self.warmup is None else self.warmup
        if current <= warmup:
            return _linear_warmup(initial_lr, current, warmup, self.warmup_min_lr)
        decay = round(t_max * self.decay_fraction) if self.decay is None else self.decay
        if current >= t_max - decay:
            return _linear_decay(initial_lr, t_max - current, decay, self.decay_min_lr)
        return initial_lr


class PowerLR:
    def __init__(self, b=-0.51, warmup=None, warmup_fraction=None, warmup_min_lr=0.0, decay=None, decay_fraction=0.1, decay_min_lr=0.0):
        self.b = b; self.warmup = warmup; self.warmup_fraction = warmup_fraction; self.warmup_min_lr = warmup_min_lr
        self.decay = decay; self.decay_fraction = decay_fraction; self.decay_min_lr = decay_min_lr
    def get_lr(self, initial_lr, current, t_max):
        warmup = self.warmup if self.warmup is not None else round(t_max * self.warmup_fraction)
        decay = self.decay if self.decay is not None else round(t_max * self.decay_fraction)
        if current <= warmup:
            return _linear_warmup(initial_lr, current, warmup, self.warmup_min_lr)
        if current >= t_max - decay:
            lr_start_tail = initial_lr * ((t_max - decay) / warmup) ** self.b
            return _linear_decay(lr_start_tail, t_max - current, decay, self.decay_min_lr)
        return initial_lr * (current / warmup) ** self.b


class LinearWithWarmup:
    def __init__(self, alpha_f=0.1, t_max=None, warmup=None, warmup_fraction=None, warmup_min_lr=0.0):
        self.alpha_f = alpha_f; self.t_max = t_max; self.warmup = warmup; self.warmup_fraction = warmup_fraction; self.warmup_min_lr = warmup_min_lr
    def get_lr(self, initial_lr, current, t_max):
        t_max = t_max if self.t_max is None else self.t_max
        eta_min = initial_lr * self.alpha_f
        warmup = round(t_max * self.warmup_fraction) if self.warmup is None else self.warmup
        if current < warmup:
            return _linear_warmup(initial_lr, current, warmup, self.warmup_min_lr)
        elif current >= t_max:
            return eta_min
        else:
            current = current - warmup
            t_max = t_max - warmup
            return initial_lr - (initial_lr - eta_min) * (current / t_max)


class InvSqrtWithWarmup:
    def __init__(self, alpha_f=0.1, warmup=None, warmup_fraction=None, warmup_min_lr=0.0):
        self.alpha_f = alpha_f; self.warmup = warmup; self.warmup_fraction = warmup_fraction; self.warmup_min_lr = warmup_min_lr
    def get_lr(self, initial_lr, current, t_max):
        warmup = round(t_max * self.warmup_fraction) if self.warmup is None else self.warmup
        if current < warmup:
            return _linear_warmup(initial_lr, current, warmup, self.warmup_min_lr)
        eta_min = initial_lr * self.alpha_f
        return eta_min + (initial_lr - eta_min) * sqrt(warmup / current)


class CosWithWarmup:
    def __init__(self, warmup=None, warmup_fraction=None, alpha_f=0.1, t_max=None, warmup_min_lr=0.0):
        self.warmup = warmup; self.warmup_fraction = warmup_fraction; self.alpha_f = alpha_f; self.t_max = t_max; self.warmup_min_lr = warmup_min_lr
    def get_lr(self, initial_lr, current, t_max):
        t_max = t_max if self.t_max is None else self.t_max
        eta_min = initial_lr * self.alpha_f
        warmup = round(t_max * self.warmup_fraction) if self.warmup is None else self.warmup
        if current < warmup:
            return _linear_warmup(initial_lr, current, warmup, self.warmup_min_lr)
        elif current >= t_max:
            return eta_min
        else:
            current = current - warmup
            t_max = t_max - warmup
            return eta_min + (initial_lr - eta_min) * (1 + cos(pi * current / t_max)) / 2


class HalfCosWithWarmup(CosWithWarmup):
    def get_lr(self, initial_lr, current, t_max):
        t_max = t_max if self.t_max is None else self.t_max
        eta_min = initial_lr * self.alpha_f
        warmup = round(t_max * self.warmup_fraction) if self.warmup is None else self.warmup
        if current < warmup:
            max_lr = eta_min + (initial_lr - eta_min) / 2
            return _linear_warmup(max_lr, current, warmup, self.warmup_min_lr)
        elif current >= t_max:
            return eta_min
        else:
            current = current - warmup
            t_max = t_max - warmup
            current += t_max
            t_max *= 2
            return eta_min + (initial_lr - eta_min) * (1 + cos(pi * current / t_max)) / 2


class CosWithWarmupAndLinearDecay(CosWithWarmup):
    def __init__(self, decay=None, decay_fraction=0.1, decay_min_lr=0.0, **kwargs):
        super().__init__(**kwargs)
        self.decay = decay; self.decay_fraction = decay_fraction; self.decay_min_lr = decay_min_lr
    def get_lr(self, initial_lr, current, t_max):
        decay = round(t_max * self.decay_fraction) if self.decay is None else self.decay
        if current >= t_max - decay:
            final_cosine_lr = super().get_lr(initial_lr, t_max - decay, t_max)
            return _linear_decay(final_cosine_lr, t_max - current, decay, self.decay_min_lr)
        return super().get_lr(initial_lr, current, t_max)


class ExponentialScheduler:
    def __init__(self, lr_min=1e-9):
        self.lr_min = lr_min
    def get_lr(self, initial_lr, current, t_max):
        if current >= t_max:
            return initial_lr
        if current == 0:
            return self.lr_min
        ratio = current / t_max
        growth_factor = (initial_lr / self.lr_min) ** ratio
        return self.lr_min * growth_factor


class WSDS:
    def __init__(self, period_lengths, period_lr_multipliers=None, warmup=None, warmup_fraction=None, decay=None, decay_fraction=None, warmup_min_lr=0.0, decay_min_lr=0.0):
        self.period_lengths = period_lengths; self.period_lr_multipliers = period_lr_multipliers
        self.warmup = warmup; self.warmup_fraction = warmup_fraction; self.decay = decay; self.decay_fraction = decay_fraction
        self.warmup_min_lr = warmup_min_lr; self.decay_min_lr = decay_min_lr
        L0 = self.period_lengths[0]
        self._warmup_steps = int(self.warmup) if self.warmup is not None else int(round(self.warmup_fraction * L0))
        self._adjusted_period_lengths = [L0 - self._warmup_steps] + self.period_lengths[1:]
        self._cum_period_end = []
        s = 0
        for l in self._adjusted_period_lengths:
            s += l; self._cum_period_end.append(s)
    def _resolve_decay(self, Li):
        return int(self.decay) if self.decay is not None else int(round(self.decay_fraction * Li))
    def _find_period(self, x):
        for idx, end in enumerate(self._cum_period_end):
            if x <= end:
                return idx
        return len(self._cum_period_end) - 1
    def _get_peak_lr(self, initial_lr, pidx):
        return initial_lr if self.period_lr_multipliers is None else initial_lr * self.period_lr_multipliers[pidx]
    def get_lr(self, initial_lr, current, t_max):
        if current < self._warmup_steps:
            return _linear_warmup(self._get_peak_lr(initial_lr, 0), current, self._warmup_steps, self.warmup_min_lr)
        adjusted_current = current - self._warmup_steps
        if adjusted_current >= self._cum_period_end[-1]:
            return self.decay_min_lr
        pidx = self._find_period(adjusted_current)
        start = 0 if pidx == 0 else self._cum_period_end[pidx - 1]
        Li = self._adjusted_period_lengths[pidx]
        pos = min(max(adjusted_current - start, 0), Li)
        D = self._resolve_decay(self.period_lengths[pidx])
        S = Li - D
        if pos < S:
            return self._get_peak_lr(initial_lr, pidx)
        t = pos - S
        return _linear_decay(self._get_peak_lr(initial_lr, pidx), D - t, D, self.decay_min_lr)


class SequentialScheduler:
    def __init__(self, schedulers, schedulers_max, override_decay=None):
        self.schedulers = schedulers; self.schedulers_max = list(schedulers_max); self.override_decay = override_decay
        if len(self.schedulers_max) == len(self.schedulers):
            self.schedulers_max.pop()
    def _sequential_lr(self, initial_lr, current, t_max):
        for scheduler, scheduler_max in zip(self.schedulers[:-1], self.schedulers_max, strict=True):
            if current <= scheduler_max:
                return scheduler.get_lr(initial_lr, current, min(t_max, scheduler_max))
            initial_lr = scheduler.get_lr(initial_lr, scheduler_max, scheduler_max)
            current -= scheduler_max
            t_max -= scheduler_max
        assert t_max > 0
        return self.schedulers[-1].get_lr(initial_lr, current, t_max)
    def get_lr(self, initial_lr, current, t_max):
        assert 0 <= current <= t_max
        if self.override_decay is None or current < self.override_decay.start:
            return self._sequential_lr(initial_lr, current, t_max)
        override_decay = self.override_decay
        override_start_lr = self._sequential_lr(initial_lr, override_decay.start, t_max)
        override_end_lr = _resolve_override_decay_end(override_decay, initial_lr)
        override_current = current - override_decay.start
        if override_current < override_decay.duration:
            return _interpolate_lr(shape=override_decay.shape, start_lr=override_start_lr, end_lr=override_end_lr,
                                   current=override_current, duration=override_decay.duration)
        return override_end_lr


class ComposableSchedulerStage:
    def __init__(self, duration, shape="linear", start_lr=None, start_lr_fraction=None, end_lr=None, end_lr_fraction=None):
        self.duration = duration; self.shape = shape; self.start_lr = start_lr; self.start_lr_fraction = start_lr_fraction
        self.end_lr = end_lr; self.end_lr_fraction = end_lr_fraction


class OverrideDecay:
    def __init__(self, start, duration, shape="linear", end_lr=None, end_lr_fraction=None):
        self.start = start; self.duration = duration; self.shape = shape; self.end_lr = end_lr; self.end_lr_fraction = end_lr_fraction


class ComposableScheduler:
    def __init__(self, stages, override_decay=None):
        self.stages = stages; self.override_decay = override_decay
    def _resolve_stage_start(self, stage, initial_lr, previous_end_lr):
        if stage.start_lr is None and stage.start_lr_fraction is None:
            return previous_end_lr
        return _resolve_lr_from_initial(initial_lr, stage.start_lr, stage.start_lr_fraction)
    def _main_schedule_lr(self, initial_lr, current):
        current = max(current, 0)
        stage_start = 0
        previous_end_lr = initial_lr
        for stage in self.stages:
            start_lr = self._resolve_stage_start(stage, initial_lr, previous_end_lr)
            end_lr = _resolve_lr_from_initial(initial_lr, stage.end_lr, stage.end_lr_fraction)
            stage_end = stage_start + stage.duration
            if current < stage_end:
                stage_current = current - stage_start
                return _interpolate_lr(shape=stage.shape, start_lr=start_lr, end_lr=end_lr, current=stage_current, duration=stage.duration)
            previous_end_lr = end_lr
            stage_start = stage_end
        return previous_end_lr
    def get_lr(self, initial_lr, current, t_max):
        del t_max
        current = max(current, 0)
        if self.override_decay is None or current < self.override_decay.start:
            return self._main_schedule_lr(initial_lr, current)
        override_decay = self.override_decay
        override_start_lr = self._main_schedule_lr(initial_lr, override_decay.start)
        override_end_lr = _resolve_override_decay_end(override_decay, initial_lr)
        override_current = current - override_decay.start
        if override_current < override_decay.duration:
            return _interpolate_lr(shape=override_decay.shape, start_lr=override_start_lr, end_lr=override_end_lr,
                                   current=override_current, duration=override_decay.duration)
        return override_end_lr


def _resolve_lr_from_initial(initial_lr, value, fraction):
    if value is not None:
        return value
    assert fraction is not None
    return initial_lr * fraction


def _resolve_override_decay_end(override_decay, initial_lr):
    return _resolve_lr_from_initial(initial_lr, override_decay.end_lr, override_decay.end_lr_fraction)


def _interpolate_lr(shape, start_lr, end_lr, current, duration):
    if shape == "linear":
        return start_lr + (end_lr - start_lr) * current / duration
    elif shape == "cosine":
        return end_lr + (start_lr - end_lr) * (1 + cos(pi * current / duration)) / 2
    else:
        raise NotImplementedError(shape)


def olmo(name, scheduler, lr, t_max, steps):
    for c in steps:
        print(f"olmo_{name} {c} {scheduler.get_lr(lr, c, t_max)!r}")


if __name__ == "__main__":
    W, D = 1000, 10000
    common = dict(init_lr=1e-5, max_lr=3e-4, min_lr=3e-5, lr_warmup_steps=W, lr_decay_steps=D, start_wd=0.01, end_wd=0.1, wd_incr_steps=D)
    probe = [0, 1, 999, 1000, 1001, 5000, 7999, 8000, 8001, 9999, 10000, 10001, 10**12]
    megatron("linear", probe, lr_decay_style="linear", wd_incr_style="linear", **common)
    megatron("cosine", probe, lr_decay_style="cosine", wd_incr_style="cosine", **common)
    megatron("isqrt", probe, lr_decay_style="inverse-square-root", wd_incr_style="linear", **common)
    megatron("constant", probe, lr_decay_style="constant", wd_incr_style="cosine", **common)
    for style in ["exponential", "linear", "cosine", "minus_sqrt"]:
        megatron("wsd_" + style, probe, lr_decay_style="WSD", wd_incr_style="linear", wsd_decay_steps=2000, lr_wsd_decay_style=style, **common)
    # A warmup from --lr-warmup-fraction: 0.0125 * 10000 = 125.0 samples, and 0.0333 * 10000 = 333.0 (real numbers).
    megatron("fraction", [0, 100, 333, 334, 5000], init_lr=0.0, max_lr=1e-3, min_lr=1e-5, lr_warmup_steps=0.0333 * 10000,
             lr_decay_steps=10000, lr_decay_style="cosine", start_wd=0.1, end_wd=0.1, wd_incr_steps=10000, wd_incr_style="constant")
    for text, seq in [("0:768 250B:1536 500B:3072", 4096), ("0:8,1.005K:16 2k:1K", None)]:
        print(f"schedule {text!r} {seq} {parse_schedule(text, seq)}")
    for consumed in [0, 1, 333, 334, 999, 1000, 1001]:
        print(f"rampup {consumed} {legacy_rampup(32, 32, 1000, 128, consumed)}")

    T = 1000
    probe = [0, 1, 9, 10, 11, 12, 13, 100, 500, 899, 900, 901, 999, 1000]
    olmo("constant_with_warmup", ConstantWithWarmup(warmup_fraction=0.0125, warmup_min_lr=1e-5), 3e-4, T, probe)
    olmo("wsd", WSD(warmup=10, decay_fraction=0.1, warmup_min_lr=1e-5, decay_min_lr=3e-5), 3e-4, T, probe)
    olmo("power", PowerLR(warmup_fraction=0.0125, decay_fraction=0.1, decay_min_lr=1e-6), 3e-4, T, probe)
    olmo("linear", LinearWithWarmup(warmup=10), 3e-4, T, probe)
    olmo("invsqrt", InvSqrtWithWarmup(warmup=10), 3e-4, T, probe + [10**6])
    olmo("cos", CosWithWarmup(warmup=10), 3e-4, T, probe)
    olmo("halfcos", HalfCosWithWarmup(warmup=10), 3e-4, T, probe)
    olmo("coslinear", CosWithWarmupAndLinearDecay(warmup=10, decay=100), 3e-4, T, probe)
    olmo("exponential", ExponentialScheduler(lr_min=1e-7), 1e-2, T, probe)
    wsds = WSDS(period_lengths=[100, 50, 50], period_lr_multipliers=[1.0, 0.5, 0.25], warmup=10, decay_fraction=0.2, decay_min_lr=1e-6)
    olmo("wsds", wsds, 3e-4, T, [0, 5, 10, 79, 80, 89, 90, 91, 120, 130, 139, 140, 141, 190, 200, 1000])
    seq = SequentialScheduler([ConstantWithWarmup(warmup=10), LinearWithWarmup(warmup=0, alpha_f=0.5), CosWithWarmup(warmup=0)], [100, 400])
    olmo("sequential", seq, 3e-4, T, [1, 10, 100, 101, 300, 500, 501, 750, 1000])
    # override_decay, ComposableScheduler and the schedulers' own t_max field (same file and commit).
    HUGE = (2**63 - 1) // 2
    seq_override = SequentialScheduler([ConstantWithWarmup(warmup=10), LinearWithWarmup(warmup=0, alpha_f=0.5), CosWithWarmup(warmup=0)], [100, 400],
                                       override_decay=OverrideDecay(start=800, duration=150, shape="cosine", end_lr_fraction=0.0))
    olmo("sequential_override", seq_override, 3e-4, T, [0, 1, 10, 100, 101, 799, 800, 801, 949, 950, 951, 1000])
    seq_override_late = SequentialScheduler([ConstantWithWarmup(warmup=10), CosWithWarmup(warmup=0)], [100],
                                            override_decay=OverrideDecay(start=900, duration=200, end_lr=1e-5))
    olmo("sequential_override_late", seq_override_late, 3e-4, T, [899, 900, 901, 999, 1000])
    stages = [ComposableSchedulerStage(duration=100, start_lr=0.0, end_lr_fraction=1.0),
              ComposableSchedulerStage(duration=400, shape="cosine", end_lr_fraction=0.1),
              ComposableSchedulerStage(duration=200, start_lr_fraction=0.2, end_lr=1e-6)]
    olmo("composable", ComposableScheduler(stages), 3e-4, T, [0, 1, 99, 100, 101, 499, 500, 501, 699, 700, 701, 10**6, HUGE])
    olmo("composable_override", ComposableScheduler(stages, OverrideDecay(start=300, duration=100, end_lr=0.0)), 3e-4, T,
         [0, 299, 300, 301, 399, 400, 401, HUGE])
    olmo("composable_inherit", ComposableScheduler([ComposableSchedulerStage(duration=50, shape="cosine", end_lr_fraction=0.5)]), 3e-4, T,
         [0, 1, 49, 50, 51, HUGE])
    olmo("linear_field", LinearWithWarmup(warmup_fraction=0.05, t_max=500), 3e-4, T, [0, 24, 25, 26, 499, 500, 501, 1000, 2000])
    olmo("cos_field", CosWithWarmup(warmup=10, t_max=2000), 3e-4, T, [0, 9, 10, 11, 999, 1000, 1001, 1999, 2000, 2001])
    olmo("halfcos_field", HalfCosWithWarmup(warmup=10, t_max=600), 3e-4, T, [0, 9, 10, 11, 599, 600, 601, 1000])
    olmo("coslinear_field", CosWithWarmupAndLinearDecay(warmup=10, decay_fraction=0.1, t_max=600), 3e-4, T, [0, 9, 10, 11, 599, 600, 601, 899, 900, 901, 999, 1000])
    olmo("coslinear_field_long", CosWithWarmupAndLinearDecay(warmup=10, decay_fraction=0.1, t_max=2000), 3e-4, T, [10, 899, 900, 901, 999, 1000])
    seq_field = SequentialScheduler([CosWithWarmup(warmup=0, t_max=200), LinearWithWarmup(warmup=0)], [100])
    olmo("sequential_field", seq_field, 3e-4, T, [0, 50, 99, 100, 101, 500, 1000])
