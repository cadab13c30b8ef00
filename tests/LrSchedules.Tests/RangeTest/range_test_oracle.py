"""Expected values for RangeTestTests, transcribed from the origins' arithmetic in plain Python (no NumPy, no PyTorch).

fastai (fastai/learner.py AvgSmoothLoss and Recorder, fastai/callback/schedule.py LRFinder, lr_find, valley, slide,
minimum, steep) holds losses and rates in float32 tensors: every float32 operation is emulated by rounding the exact
double result to float32 (f32), which equals IEEE single arithmetic for +, -, *, /.
torch-lr-finder (torch_lr_finder/lr_finder.py range_test and plot) works on Python floats and float64 NumPy arrays.

Run: python3 range_test_oracle.py
"""
import math
import struct


def f32(x):
    return struct.unpack('f', struct.pack('f', x))[0]


def argmin(values):  # numpy.argmin / torch.argmin: first NaN, else first minimum
    best = 0
    for i, v in enumerate(values):
        if v != v:
            return i
        if v < values[best]:
            best = i
    return best


def gradient(f, single):  # numpy.gradient(f), unit spacing, edge_order=1
    r = f32 if single else (lambda x: x)
    n = len(f)
    if n < 2:
        raise ValueError('numpy.gradient needs 2 points')
    out = [0.0] * n
    for i in range(1, n - 1):
        out[i] = r(r(f[i + 1] - f[i - 1]) / 2.0)
    out[0] = r(f[1] - f[0])
    out[-1] = r(f[-1] - f[-2])
    return out


def interp(x, xp, fp):  # numpy.interp (compiled_base.c arr_interp), increasing xp, one x
    if x < xp[0]:
        return fp[0]
    if x >= xp[-1]:
        return fp[-1]
    j = max(i for i in range(len(xp)) if xp[i] <= x)  # xp[j] <= x < xp[j + 1]
    if xp[j] == x:
        return fp[j]
    slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j])
    return slope * (x - xp[j]) + fp[j]


def fastai_record(sweep, beta=0.98):
    num_it = len(sweep)
    last = max(6, num_it)
    w = f32(beta)
    val, best, lrs, losses = 0.0, float('inf'), [], []
    for count, (lr, loss) in enumerate(sweep, start=1):
        x = f32(loss)
        val = f32(val - f32(f32(val - x) * f32(1.0 - w)))          # torch.lerp(x, val, beta), weight >= 0.5
        smooth = f32(val / f32(1 - beta ** count))                  # AvgSmoothLoss.value
        lrs.append(lr)
        losses.append(smooth)
        if smooth < best:
            best = smooth
        if smooth > f32(4 * best):
            break
        if count >= last:
            break
    return lrs, losses


def fastai_suggest(sweep):
    num_it = len(sweep)
    lrs, losses = fastai_record(sweep)
    lrs, losses = [f32(v) for v in lrs[num_it // 10:-5]], losses[num_it // 10:-5]
    for i, v in enumerate(losses):
        if v != v:
            lrs, losses = lrs[:i], losses[:i]
            break
    result = {}
    # valley
    n = len(losses)
    if n == 0:
        result['valley'] = None
    else:
        max_start, max_end = 0, 0
        lds = [1] * n
        for i in range(1, n):
            for j in range(0, i):
                if (losses[i] < losses[j]) and (lds[i] < lds[j] + 1):
                    lds[i] = lds[j] + 1
                if lds[max_end] < lds[i]:
                    max_end = i
                    max_start = max_end - lds[max_end]
        sections = (max_end - max_start) / 3
        idx = max_start + int(sections) + int(sections / 2)
        result['valley'] = float(lrs[idx])
    # slide
    if n < 16:
        result['slide'] = None
    else:
        g = gradient(losses, single=True)
        r_idx = -1
        l_idx = r_idx - 15
        local_min_lr = lrs[l_idx]
        while (l_idx >= -n) and (f32(abs(f32(g[r_idx] - g[l_idx]))) > f32(0.005)):
            local_min_lr = lrs[l_idx]
            r_idx -= 1
            l_idx -= 1
        result['slide'] = float(local_min_lr) * 1.0
        # the plotted loss: np.log10 of the float32 lrs tensor is float32; of the suggestion (a Python float), double
        result['slide_loss'] = interp(math.log10(result['slide']), [f32(math.log10(v)) for v in lrs], losses)
    # minimum
    result['minimum'] = None if n == 0 else lrs[argmin(losses)] / 10
    # steep
    if n < 2:
        result['steep'] = None
    else:
        grads = [f32(f32(losses[i + 1] - losses[i]) / f32(f32(math.log(lrs[i + 1])) - f32(math.log(lrs[i]))))
                 for i in range(n - 1)]
        result['steep'] = lrs[argmin(grads)]
    return result


def torch_record(sweep, smooth_f=0.05, diverge_th=5):
    history = []
    best = None
    for iteration, (lr, loss) in enumerate(sweep):
        if iteration == 0:
            best = loss
        else:
            if smooth_f > 0:
                loss = smooth_f * loss + (1 - smooth_f) * history[-1][1]
            if loss < best:
                best = loss
        history.append((lr, loss))
        if loss > diverge_th * best:
            break
    return history


def torch_suggest(sweep):
    history = torch_record(sweep)[10:-5]
    if len(history) < 2:
        return None
    return history[argmin(gradient([l for _, l in history], single=False))][0]


def exp_sweep(n, start=1e-7, end=10.0):
    return [start * (end / start) ** (i / n) for i in range(n)]


def show(name, sweep):
    print(f'== {name}')
    lrs, losses = fastai_record(sweep)
    print('fastai points', len(losses), [repr(v) for v in losses[:8]])
    print('fastai', {k: repr(v) for k, v in fastai_suggest(sweep).items()})
    h = torch_record(sweep)
    print('torch points', len(h), [repr(l) for _, l in h[:8]])
    print('torch', repr(torch_suggest(sweep)))


if __name__ == '__main__':
    # A bowl: the loss falls from 2.3 to a minimum near lr = 1e-2 and explodes past 1.
    n = 100
    rates = exp_sweep(n)
    bowl = [2.3 - 2.0 * math.exp(-((math.log10(r) + 2.0) ** 2) / 2.0) + (0 if r < 1 else 50 * (r - 1)) for r in rates]
    show('bowl', list(zip(rates, bowl)))
    # The same bowl with NaN from step 80 on.
    show('nan', list(zip(rates, bowl[:80] + [float('nan')] * 20)))
    # A sweep that diverges at once.
    show('at-once', list(zip(exp_sweep(20), [1.0, 100.0] + [1000.0] * 18)))
    # Smoothing by hand: three steps.
    show('three', list(zip(exp_sweep(3), [1.0, 2.0, 4.0])))
