#!/usr/bin/env python3
"""Checks the claims of issue 12 against a results.json of `DigitsTraining adaptive adascale`, and prints the
numbers docs/experiments.md quotes in its "Measuring the batch size" section.

Usage: python3 docs/experiments/claims_adaptive.py RESULTS_JSON
"""
import json
import math
import statistics
import sys


def runs_of(results, experiment, variant, k=None):
    return sorted(
        (r for r in results["runs"] if r["experiment"] == experiment and r["variant"] == variant and r["k"] == k),
        key=lambda r: r["seed"])


def spearman(xs, ys):
    def ranks(values):
        order = sorted(range(len(values)), key=lambda i: values[i])
        r = [0.0] * len(values)
        for rank, i in enumerate(order):
            r[i] = float(rank)
        return r
    rx, ry = ranks(xs), ranks(ys)
    mx, my = statistics.mean(rx), statistics.mean(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    return cov / math.sqrt(sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry))


def main(path):
    with open(path, encoding="utf-8") as f:
        results = json.load(f)

    print("== noise scale through training (mean over seeds; None = +infinity at some seed)")
    for variant in ("decay-lr", "increase-batch", "adaptive", "adaptive-gain"):
        runs = runs_of(results, "adaptive", variant)
        epochs = len(runs[0]["series"]["epoch"])
        infinite = sum(1 for r in runs for v in r["series"]["noiseScale"][1:] if v is None)
        print(f"{variant}: epochs with an infinite estimate (|G|^2 <= 0): {infinite} of {3 * (epochs - 1)}")
        for e in (1, 5, 10, 15, 20, 27, 30, 37, 45):
            values = [r["series"]["noiseScale"][e] for r in runs]
            losses = [r["series"]["trainLoss"][e] for r in runs]
            shown = "inf" if any(v is None for v in values) else f"{statistics.mean(values):.0f}"
            print(f"  epoch {e:2d}: B_simple {shown:>6}  training loss {statistics.mean(losses):.3f}")
        finite = [(r["series"]["trainLoss"][e], r["series"]["noiseScale"][e])
                  for r in runs for e in range(1, epochs) if r["series"]["noiseScale"][e] is not None]
        rho = spearman([-loss for loss, _ in finite], [n for _, n in finite])
        print(f"  Spearman rank correlation of B_simple with falling training loss (finite epochs): {rho:+.2f}")

    print()
    print("== adaptive against decay-lr (baseline) and increase-batch (Smith plan)")
    decay = runs_of(results, "adaptive", "decay-lr")
    smith = runs_of(results, "adaptive", "increase-batch")
    for variant in ("adaptive", "adaptive-gain"):
        runs = runs_of(results, "adaptive", variant)
        print(f"-- {variant}")
        print("seed | baseline loss | loss | relative | updates (Smith plan) | test acc (baseline)")
        relatives = []
        fewer = []
        for d, s, a in zip(decay, smith, runs):
            relative = (a["finalTrainLoss"] - d["finalTrainLoss"]) / d["finalTrainLoss"]
            relatives.append(relative)
            fewer.append(a["updates"] < s["updates"])
            print(f"{a['seed']} | {d['finalTrainLoss']:.4f} | {a['finalTrainLoss']:.4f} | {relative:+.2%} | "
                  f"{a['updates']} ({s['updates']}) | {a['finalTestAccuracy']:.2%} ({d['finalTestAccuracy']:.2%})")
        mean_relative = (statistics.mean(r["finalTrainLoss"] for r in runs) - statistics.mean(r["finalTrainLoss"] for r in decay)) / statistics.mean(r["finalTrainLoss"] for r in decay)
        print(f"mean loss {statistics.mean(r['finalTrainLoss'] for r in runs):.4f} against {statistics.mean(r['finalTrainLoss'] for r in decay):.4f}: {mean_relative:+.2%}")
        print(f"within 5% per seed (|relative| <= 5%): {sum(abs(r) <= 0.05 for r in relatives)} of 3; "
              f"no more than 5% above per seed: {sum(r <= 0.05 for r in relatives)} of 3")
        print(f"fewer updates than the Smith plan: {sum(fewer)} of 3")
        print(f"mean test accuracy {statistics.mean(r['finalTestAccuracy'] for r in runs):.2%} "
              f"(baseline {statistics.mean(r['finalTestAccuracy'] for r in decay):.2%}, Smith plan {statistics.mean(r['finalTestAccuracy'] for r in smith):.2%})")

    print()
    print("== AdaScale at the same number of epochs (45)")
    base = runs_of(results, "adascale", "adascale", 1)
    for k in (1, 4, 8):
        runs = runs_of(results, "adascale", "adascale", k)
        progress = [r["series"]["adaScaleProgress"][-1] for r in runs]
        print(f"S = {k}: updates {runs[0]['updates']}, final training loss {statistics.mean(r['finalTrainLoss'] for r in runs):.4f} "
              f"± {statistics.stdev(r['finalTrainLoss'] for r in runs):.4f} (baseline {statistics.mean(r['finalTrainLoss'] for r in base):.4f}), "
              f"test accuracy {statistics.mean(r['finalTestAccuracy'] for r in runs):.2%} ± {statistics.stdev(r['finalTestAccuracy'] for r in runs):.2%}, "
              f"progress tau {min(progress):.0f}-{max(progress):.0f} of 6300 "
              f"(mean gain {statistics.mean(progress) / runs[0]['updates']:.2f})")


if __name__ == "__main__":
    main(sys.argv[1])
