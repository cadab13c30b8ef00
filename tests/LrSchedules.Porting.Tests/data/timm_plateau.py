"""Reference values for TimmPlateauTests: timm PlateauLRScheduler over torch ReduceLROnPlateau, transcribed verbatim.

- huggingface/pytorch-image-models timm/scheduler/plateau_lr.py @ aa4b5850c1543fa488abf260f18390eda46cf85d
  (__init__'s warmup_steps and update_groups(warmup_lr_init), step(epoch, metric)), called as train.py does:
  lr_scheduler.step(epoch + 1, metric) at the end of each epoch.
- torch/optim/lr_scheduler.py ReduceLROnPlateau.step, _reduce_lr, _is_better (one parameter group).

Run: python3 tests/LrSchedules.Porting.Tests/data/timm_plateau.py
Each line is the optimizer's lr before the first report and after each report (the rate at step t after t reports).
"""
import math
class Torch:
    def __init__(s, opt, mode, factor, patience, threshold, cooldown, min_lr, eps=1e-8, threshold_mode='rel'):
        s.opt=opt; s.mode=mode; s.factor=factor; s.patience=patience; s.threshold=threshold; s.cooldown=cooldown
        s.min_lr=min_lr; s.eps=eps; s.tm=threshold_mode
        s.best = math.inf if mode=='min' else -math.inf; s.bad=0; s.cd=0
    def better(s,a,best):
        if s.mode=='min' and s.tm=='rel': return a < best*(1.0-s.threshold)
        if s.mode=='min': return a < best - s.threshold
        if s.tm=='rel': return a > best*(s.threshold+1.0)
        return a > best + s.threshold
    def step(s, m):
        if s.better(m, s.best): s.best=m; s.bad=0
        else: s.bad+=1
        if s.cd>0: s.cd-=1; s.bad=0
        if s.bad > s.patience:
            old=float(s.opt['lr']); new=max(old*s.factor, s.min_lr)
            if old-new > s.eps: s.opt['lr']=new
            s.cd=s.cooldown; s.bad=0
class Timm:
    def __init__(s, lr, decay_rate=0.1, patience_t=10, threshold=1e-4, cooldown_t=0, warmup_t=0, warmup_lr_init=0., lr_min=0., mode='max'):
        s.opt={'lr':lr}
        s.inner=Torch(s.opt, mode, decay_rate, patience_t, threshold, cooldown_t, lr_min)
        s.warmup_t=warmup_t; s.warmup_lr_init=warmup_lr_init
        if s.warmup_t:
            s.warmup_steps=[(v-warmup_lr_init)/s.warmup_t for v in [lr]]
            s.opt['lr']=s.warmup_lr_init
        else:
            s.warmup_steps=[1]
    def step(s, epoch, metric=None):
        if epoch <= s.warmup_t:
            s.opt['lr']=[s.warmup_lr_init + epoch*x for x in s.warmup_steps][0]
        else:
            if metric is not None: s.inner.step(metric)
def run(t, metrics):
    rates=[t.opt['lr']]
    for n,m in enumerate(metrics, start=1):
        t.step(n, m); rates.append(t.opt['lr'])
    return rates


def show(name, t, metrics):
    print(name, ' '.join(repr(x) for x in run(t, metrics)))


show('warmup', Timm(0.1, decay_rate=0.3, patience_t=1, warmup_t=3, warmup_lr_init=1e-5, mode='min'), [5, 9, 9, 9, 4, 4, 4, 4, 4, 4, 4, 4])
# create_scheduler_v2(sched='plateau', decay_rate=0.5, patience_epochs=2, warmup_epochs=2): warmup_lr 1e-5, cooldown_t 0, mode max.
show('v2', Timm(0.1, decay_rate=0.5, patience_t=2, cooldown_t=0, warmup_t=2, warmup_lr_init=1e-5, lr_min=0.0, mode='max'), [0.9, 0.1, 0.5, 0.5, 0.5, 0.5, 0.6, 0.6, 0.6, 0.6])
show('floor', Timm(0.1, decay_rate=0.5, patience_t=0, warmup_t=2, warmup_lr_init=0.0, lr_min=0.03), [1, 1, 2, 1, 1, 1, 1])
