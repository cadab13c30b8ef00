#!/usr/bin/env python3
"""Checks the claims of issue 6 against a results.json of `DigitsTraining all` (and, optionally, of the
supplementary `smith-low-rate` run), and prints the numbers docs/experiments.md quotes.

Usage: python3 docs/experiments/claims.py RESULTS_JSON [SUPPLEMENTARY_RESULTS_JSON]
"""
import json
import statistics
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def runs_of(results, experiment, variant, k=None):
    return sorted(
        (r for r in results["runs"] if r["experiment"] == experiment and r["variant"] == variant and r["k"] == k),
        key=lambda r: r["seed"])


def final(run, name):
    return run["series"][name][-1]


def verdict(ok):
    return "HOLDS" if ok else "DOES NOT HOLD"


def smith(results, experiment):
    decay = runs_of(results, experiment, "decay-lr")
    increase = runs_of(results, experiment, "increase-batch")
    print(f"== {experiment}")
    print("seed | decay-lr loss | increase-batch loss | relative difference | decay-lr test acc | increase-batch test acc")
    within = []
    for d, i in zip(decay, increase):
        ld, li = final(d, "trainLoss"), final(i, "trainLoss")
        relative = (li - ld) / ld
        within.append(abs(relative) <= 0.05)
        print(f"{d['seed']} | {ld:.4f} | {li:.4f} | {100 * relative:+.2f}% | "
              f"{100 * final(d, 'testAccuracy'):.2f} | {100 * final(i, 'testAccuracy'):.2f}")
    acc_d = statistics.mean(100 * final(r, "testAccuracy") for r in decay)
    acc_i = statistics.mean(100 * final(r, "testAccuracy") for r in increase)
    ratio = decay[0]["updates"] / increase[0]["updates"]
    print(f"(a) training loss within 5% for every seed: {verdict(all(within))}")
    print(f"(b) mean test accuracy {acc_i:.2f}% vs {acc_d:.2f}%, difference {acc_i - acc_d:+.2f} points: {verdict(abs(acc_i - acc_d) <= 2)}")
    print(f"(c) updates {decay[0]['updates']} vs {increase[0]['updates']}, {ratio:.2f}x fewer: {verdict(ratio >= 2)}")

    # The two variants train identically (same batch, rate and seed) until the first milestone, epoch 15.
    shared = all(d["series"][name][:16] == i["series"][name][:16]
                 for d, i in zip(decay, increase) for name in ("trainLoss", "testAccuracy", "updates"))
    print(f"epochs 0-15 identical in both variants: {shared}")

    # Steadiness of the first phase (rate at its initial value, batch 10), per seed.
    print("seed | training loss, epochs 5-15: min-max | loss rises between epochs 1-15 | test acc, epochs 5-15: min-max | training loss at epoch 15 | final training acc")
    for d in decay:
        s = d["series"]
        loss = s["trainLoss"][5:16]
        acc = [100 * v for v in s["testAccuracy"][5:16]]
        rises = sum(1 for a, b in zip(s["trainLoss"][1:16], s["trainLoss"][2:16]) if b > a)
        print(f"{d['seed']} | {min(loss):.2f}-{max(loss):.2f} | {rises} of 14 | {min(acc):.1f}-{max(acc):.1f} | "
              f"{s['trainLoss'][15]:.2f} | {100 * final(d, 'trainAccuracy'):.1f}")
    print(f"seed spread of decay-lr: final training loss sd {statistics.stdev(final(r, 'trainLoss') for r in decay):.4f}, "
          f"test accuracy sd {statistics.stdev(100 * final(r, 'testAccuracy') for r in decay):.2f} points")
    print()


def scaling(results):
    print("== scaling")
    mean = {}
    for variant in ("none", "linear-warmup", "sqrt-warmup"):
        for k in (1, 2, 4, 8):
            runs = runs_of(results, "scaling", variant, k)
            losses = [final(r, "trainLoss") for r in runs]
            mean[variant, k] = statistics.mean(losses)
            print(f"{variant} k={k}: final training loss per seed {', '.join(f'{v:.5f}' for v in losses)}; "
                  f"mean {mean[variant, k]:.5f}, {mean[variant, k] / mean['none', 1]:.2f}x k=1")
    linear = mean["linear-warmup", 8] / mean["none", 1]
    none = mean["none", 8] / mean["none", 1]
    print(f"(d) linear-warmup k=8 within 2x of k=1: {linear:.2f}x: {verdict(linear <= 2)}")
    print(f"(e) no scaling at k=8 at least 5x higher than k=1: {none:.1f}x: {verdict(none >= 5)}")
    # Per seed too, since the claim is about runs.
    for s in range(len(runs_of(results, "scaling", "none", 1))):
        base = final(runs_of(results, "scaling", "none", 1)[s], "trainLoss")
        lin = final(runs_of(results, "scaling", "linear-warmup", 8)[s], "trainLoss")
        non = final(runs_of(results, "scaling", "none", 8)[s], "trainLoss")
        print(f"  seed {s}: linear k=8 / k=1 = {lin / base:.2f}x, none k=8 / k=1 = {non / base:.1f}x")
    print()


def main():
    results = load(sys.argv[1])
    smith(results, "smith")
    scaling(results)
    if len(sys.argv) > 2:
        smith(load(sys.argv[2]), "smith-low-rate")


if __name__ == "__main__":
    main()
