"""Builds a PyTorch module from an InfoPrune model folder (model.json + weights.npz), chain or graph, and
compares its outputs with InfoPrune's: python3 load_infoprune.py FOLDER inputs.csv expected.csv"""
import json, os, sys

import numpy as np
import torch
import torch.nn as nn


class HardSigmoid(nn.Module):
    """ONNX's HardSigmoid with parameters other than PyTorch's: clamp(alpha x + beta, 0, 1)."""

    def __init__(self, alpha, beta):
        super().__init__()
        self.alpha, self.beta = alpha, beta

    def forward(self, x):
        return torch.clamp(self.alpha * x + self.beta, 0, 1)


class ChannelShuffle(nn.Module):
    def __init__(self, groups):
        super().__init__()
        self.groups = groups

    def forward(self, x):
        b, c, h, w = x.shape
        return x.view(b, self.groups, c // self.groups, h, w).transpose(1, 2).reshape(b, c, h, w)


class ChannelSlice(nn.Module):
    def __init__(self, start, end):
        super().__init__()
        self.start, self.end = start, end

    def forward(self, x):
        return x[:, self.start:self.end]


class Join(nn.Module):
    """add, concat (channels) or mul (a [c, 1, 1] gate broadcasts over the trunk) of a layer's inputs."""

    def __init__(self, kind):
        super().__init__()
        self.kind = kind

    def forward(self, *xs):
        if self.kind == "concat":
            return torch.cat(xs, dim=1)
        out = xs[0]
        for x in xs[1:]:
            out = out + x if self.kind == "add" else out * x
        return out


def pooled(n, k, s, p, ceil):
    """PyTorch's pooled size: a last window rounded up must start inside the input or its left padding."""
    out = -(-(n + 2 * p - k) // s) + 1 if ceil else (n + 2 * p - k) // s + 1
    return out - 1 if ceil and (out - 1) * s >= n + p else out


def module_for(layer, shapes):
    """The PyTorch module of one layer and its output shape, from the shapes of its inputs."""
    t, shape = layer["type"], shapes[0]
    if t == "dense":
        return nn.Linear(shape[0], layer["out"]), [layer["out"]]
    if t == "conv2d":
        k, s, p, g = layer["kernel"], layer["stride"], layer["padding"], layer.get("groups", 1)
        size = [(n + 2 * p - k) // s + 1 for n in shape[1:]]
        return nn.Conv2d(shape[0], layer["out"], k, stride=s, padding=p, groups=g), [layer["out"]] + size
    if t == "batchnorm":
        return (nn.BatchNorm2d if len(shape) == 3 else nn.BatchNorm1d)(shape[0], eps=layer["eps"]), shape
    simple = {"relu": nn.ReLU, "sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu6": nn.ReLU6, "gelu": nn.GELU,
              "silu": nn.SiLU, "hardswish": nn.Hardswish}
    if t in simple:
        return simple[t](), shape
    if t == "leakyrelu":
        return nn.LeakyReLU(layer.get("negative_slope", 0.01)), shape
    if t == "elu":
        return nn.ELU(layer.get("alpha", 1.0)), shape
    if t == "clip":
        return nn.Hardtanh(layer["min"], layer["max"]), shape
    if t == "hardsigmoid":
        a, b = layer.get("alpha", 1 / 6), layer.get("beta", 0.5)
        return (nn.Hardsigmoid() if (a, b) == (1 / 6, 0.5) else HardSigmoid(a, b)), shape
    if t in ("maxpool", "avgpool"):
        k, s, p = layer["kernel"], layer["stride"], layer.get("padding", 0)
        ceil = layer.get("ceil_mode", False)
        m = (nn.MaxPool2d(k, s, p, ceil_mode=ceil) if t == "maxpool"
             else nn.AvgPool2d(k, s, p, count_include_pad=layer.get("count_include_pad", True)))
        return m, [shape[0]] + [pooled(n, k, s, p, ceil) for n in shape[1:]]
    if t == "globalavgpool":
        return nn.AdaptiveAvgPool2d(1), [shape[0], 1, 1]
    if t == "flatten":
        return nn.Flatten(), [int(np.prod(shape))]
    if t == "dropout":
        return nn.Dropout(layer["rate"]), shape
    if t == "shuffle":
        return ChannelShuffle(layer["groups"]), shape
    if t == "slice":
        return ChannelSlice(layer["start"], layer["end"]), [layer["end"] - layer["start"]] + shape[1:]
    if t in ("add", "mul"):
        return Join(t), max(shapes, key=lambda sh: int(np.prod(sh)))
    if t == "concat":
        return Join(t), [sum(sh[0] for sh in shapes)] + shape[1:]
    raise ValueError("unknown layer type " + t)


class InfoPruneNet(nn.Module):
    """The model folder's layers as modules; forward follows each layer's "inputs" (version 2) or the chain."""

    def __init__(self, spec):
        super().__init__()
        self.layers = nn.ModuleDict()
        self.wiring = []                                   # (module key, names of its inputs, its own name)
        shapes = {"input": list(spec["input"]["shape"])}   # [features] or [channels, height, width]
        previous = "input"
        for layer in spec["layers"]:
            inputs = layer.get("inputs") or [previous]
            module, shapes[layer["name"]] = module_for(layer, [shapes[i] for i in inputs])
            key = layer["name"].replace(".", "_")          # PyTorch module names cannot contain dots
            self.layers[key] = module
            self.wiring.append((key, inputs, layer["name"]))
            previous = layer["name"]
        self.output = previous

    def forward(self, x):
        values = {"input": x}
        for key, inputs, name in self.wiring:
            values[name] = self.layers[key](*[values[i] for i in inputs])
        return values[self.output]


def load_infoprune(folder):
    """The module with the folder's weights (PyTorch layouts), in eval mode, and the recorded normalisation."""
    spec = json.load(open(os.path.join(folder, "model.json")))
    model = InfoPruneNet(spec)
    npz = np.load(os.path.join(folder, "weights.npz"))
    state = {}
    for key in npz.files:                                  # "<layer>.weight", "<layer>.running_mean", ...
        layer, suffix = key.rsplit(".", 1)
        state["layers." + layer.replace(".", "_") + "." + suffix] = torch.from_numpy(npz[key])
    missing, unexpected = model.load_state_dict(state, strict=False)
    assert not unexpected and all(k.endswith("num_batches_tracked") for k in missing), (missing, unexpected)
    return model.eval(), spec.get("normalization")


if __name__ == "__main__":
    folder, inputs_csv, expected_csv = sys.argv[1:4]
    model, norm = load_infoprune(folder)
    print(model)
    spec = json.load(open(os.path.join(folder, "model.json")))
    x = torch.from_numpy(np.loadtxt(inputs_csv, delimiter=",", dtype=np.float32, ndmin=2))
    x = x.reshape([-1] + spec["input"]["shape"])
    # inputs are fed as they are, like `infoprune predict`; with raw data apply norm["mean"], norm["std"] first
    with torch.no_grad():
        y = model(x).numpy()
    expected = np.loadtxt(expected_csv, delimiter=",", ndmin=2)
    print("max |PyTorch - InfoPrune| =", np.abs(y - expected).max())
