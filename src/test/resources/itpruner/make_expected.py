#!/usr/bin/env python3
"""NumPy re-implementation of ITPruner's layer importance (Zheng et al., arXiv 2108.08532, as their
feature_extract.py computes it) and of InfoPrune's continuous width relaxation, on committed activations.

Run from this folder: python3 make_expected.py. It writes the activations of three layers (once, seeded; the
CSV files are then read back, so both sides use the same parsed numbers) and expected.json, which
ItPrunerReferenceTest compares with the Java implementation. NumPy only.

Network (RandomNetworks.cnn(seed, 1, 8, 8, 3) on the Java side):
  input 1x8x8 -> conv1 4 filters k3 p1 -> bn1 -> relu -> maxpool k2 s2 -> conv2 5 filters k3 p0 -> sigmoid
  -> avgpool k2 s2 -> flatten -> fc1 7 -> relu -> out 3
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = 40
LAYERS = [("conv1", 4 * 8 * 8), ("conv2", 5 * 2 * 2), ("fc1", 7)]
UNITS = [4, 5, 7]
BETAS = [1.0, 231.0]
MACS_FRACTION = 0.45
TOLERANCE = 1e-6
MAX_ITERATIONS = 100


def write_fixture():
    rng = np.random.default_rng(15)
    z = rng.normal(size=(SAMPLES, 3))
    conv1 = np.maximum(0, z @ rng.normal(size=(3, 256)) + 0.5 * rng.normal(size=(SAMPLES, 256)))
    conv2 = 1 / (1 + np.exp(-(conv1[:, :64] @ rng.normal(size=(64, 20)) * 0.1 + rng.normal(size=(SAMPLES, 20)))))
    fc1 = np.maximum(0, np.c_[z[:, :1], rng.normal(size=(SAMPLES, 6))] @ rng.normal(size=(7, 7)))
    for (name, _), values in zip(LAYERS, [conv1, conv2, fc1]):
        np.savetxt(os.path.join(HERE, name + ".csv"), values, fmt="%.6f", delimiter=",")


def read_fixture():
    return [np.loadtxt(os.path.join(HERE, name + ".csv"), delimiter=",", ndmin=2) for name, _ in LAYERS]


# --- their formulas: linear CKA on flattened features, s_i = sum_{j != i} CKA(i, j), s / sum(s), exp(-beta s)

def centred_gram(x):
    k = x @ x.T
    n = k.shape[0]
    h = np.eye(n) - np.ones((n, n)) / n
    return h @ k @ h


def cka(kx, ky):
    return np.sum(kx * ky) / np.sqrt(np.sum(kx * kx) * np.sum(ky * ky))


def importance(features):
    grams = [centred_gram(f) for f in features]
    n = len(grams)
    sim = np.array([[cka(grams[i], grams[j]) for j in range(n)] for i in range(n)])
    s = np.array([sum(sim[i, j] for j in range(n) if j != i) for i in range(n)])
    return sim, s, s / s.sum()


# --- MACs of the whole network (conv, BN, pooling, dense) as terms m * x_in * x_out

def macs_terms():
    # (MACs at full width, index of the layer whose ratio scales the input (-1: none), same for the output)
    return [
        (4 * 1 * 9 * 8 * 8, -1, 0),  # conv1
        (4 * 8 * 8, 0, -1),  # bn1: one multiply-add per element
        (4 * 4 * 4 * 2 * 2, 0, -1),  # max pool: kernel^2 per output element
        (5 * 4 * 9 * 2 * 2, 0, 1),  # conv2
        (5 * 1 * 1 * 2 * 2, 1, -1),  # avg pool
        (5 * 7, 1, 2),  # fc1
        (7 * 3, 2, -1),  # out
    ]


def macs(x):
    total = 0.0
    for m, i, o in macs_terms():
        total += m * (1.0 if i < 0 else x[i]) * (1.0 if o < 0 else x[o])
    return total


def gradient(x):
    g = [0.0] * len(x)
    for m, i, o in macs_terms():
        a = 1.0 if i < 0 else x[i]
        b = 1.0 if o < 0 else x[o]
        if i >= 0:
            g[i] += m * b
        if o >= 0:
            g[o] += m * a
    return g


# --- the continuous relaxation: linearised-constraint steps with a unit proximal term from x = 1

def step(x, alpha, h, mu):
    return [min(1.0, max(0.0, x[i] + alpha[i] - mu * h[i])) for i in range(len(x))]


def linearised(x, c, h, y):
    v = c
    for i in range(len(x)):
        v += h[i] * (y[i] - x[i])
    return v


def multiplier(x, alpha, c, h):
    if linearised(x, c, h, step(x, alpha, h, 0.0)) <= 0:
        return 0.0
    lo, hi = 0.0, 1.0
    while linearised(x, c, h, step(x, alpha, h, hi)) > 0 and hi < 1e30:
        hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        if linearised(x, c, h, step(x, alpha, h, mid)) > 0:
            lo = mid
        else:
            hi = mid
    return hi


def relax(alpha, budget):
    n = len(alpha)
    x = [1.0] * n
    iterations = 0
    for it in range(1, MAX_ITERATIONS + 1):
        iterations = it
        c = macs(x) / budget - 1
        h = [g / budget for g in gradient(x)]
        mu = multiplier(x, alpha, c, h)
        y = step(x, alpha, h, mu)
        change = 0.0
        for i in range(n):
            change += alpha[i] * (y[i] - x[i])
        x = y
        if abs(change) <= TOLERANCE and macs(x) / budget - 1 <= TOLERANCE:
            break
    return x, iterations


def kept_counts(x, alpha, budget):
    k = [max(1, int(np.rint(x[i] * UNITS[i]))) for i in range(len(x))]
    while ratio_macs(k) > budget:
        best, best_rate = -1, 0.0
        for i in range(len(k)):
            if k[i] <= 1:
                continue
            smaller = list(k)
            smaller[i] -= 1
            saved = ratio_macs(k) - ratio_macs(smaller)
            rate = (alpha[i] / UNITS[i]) / saved
            if best < 0 or rate < best_rate:
                best, best_rate = i, rate
        if best < 0:
            break
        k[best] -= 1
    return k


def ratio_macs(k):
    return macs([k[i] / UNITS[i] for i in range(len(k))])


def main():
    if not all(os.path.exists(os.path.join(HERE, name + ".csv")) for name, _ in LAYERS):
        write_fixture()
    features = read_fixture()
    sim, s, s_bar = importance(features)
    budget = MACS_FRACTION * macs([1.0] * len(UNITS))
    out = {"layers": [name for name, _ in LAYERS], "samples": SAMPLES, "macsFraction": MACS_FRACTION,
           "fullMacs": macs([1.0] * len(UNITS)), "budget": budget, "cka": sim.tolist(), "similaritySums": s.tolist(),
           "normalised": s_bar.tolist(), "betas": []}
    for beta in BETAS:
        alpha = [float(np.exp(-beta * v)) for v in s_bar]
        x, iterations = relax(alpha, budget)
        out["betas"].append({"beta": beta, "alpha": alpha, "relaxed": x, "iterations": iterations,
                             "kept": kept_counts(x, alpha, budget)})
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(out, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
