#!/usr/bin/env python3
"""Makes the ONNX test fixtures with real PyTorch (Debian's python3-torch 1.13, run with /usr/bin/python3).

Each model is a small seeded network built the way PyTorch users build them; it is exported with
torch.onnx.export at the opsets listed and its outputs for fixed inputs are written to <model>.json:
  input_shape  the per-sample input shape
  inputs       the fixed raw inputs, one flattened row per sample
  outputs      what the exported file outputs (after a final softmax, if the model has one)
  logits       the outputs before a final softmax (what InfoPrune's imported network computes)
Run from this folder:  /usr/bin/python3 make_fixtures.py
"""
import json
import os
from collections import OrderedDict

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
BATCH = 3


def randomise_batchnorm(model, gen):
    """Fresh BatchNorm layers hold zeros and ones; give them statistics that change the outputs."""
    for m in model.modules():
        if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
            with torch.no_grad():
                m.weight.copy_(1 + 0.3 * torch.randn(m.num_features, generator=gen))
                m.bias.copy_(0.2 * torch.randn(m.num_features, generator=gen))
                m.running_mean.copy_(0.3 * torch.randn(m.num_features, generator=gen))
                m.running_var.copy_(0.5 + torch.rand(m.num_features, generator=gen))


class Normalised(nn.Module):
    """(x - mean) / std with per-feature buffers, then an MLP: the normalisation becomes Sub and Div nodes."""

    def __init__(self, features):
        super().__init__()
        self.register_buffer("mean", torch.linspace(-0.5, 0.5, features))
        self.register_buffer("std", torch.linspace(0.5, 2.0, features))
        self.net = nn.Sequential(OrderedDict(fc1=nn.Linear(features, 10), relu1=nn.ReLU(), out=nn.Linear(10, 3)))

    def forward(self, x):
        return self.net((x - self.mean) / self.std)


class MatMulMlp(nn.Module):
    """x @ W + b written out by hand: exported as MatMul followed by Add."""

    def __init__(self):
        super().__init__()
        self.w1 = nn.Parameter(0.4 * torch.randn(6, 9))
        self.b1 = nn.Parameter(0.1 * torch.randn(9))
        self.w2 = nn.Parameter(0.4 * torch.randn(9, 3))
        self.b2 = nn.Parameter(0.1 * torch.randn(3))

    def forward(self, x):
        return torch.sigmoid(x @ self.w1 + self.b1) @ self.w2 + self.b2


class ViewCnn(nn.Module):
    """A CNN that flattens with x.view(x.size(0), -1): exported as Reshape (with Shape/Gather/Concat when the
    batch axis is dynamic, with a constant target when it is not)."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(4, 5, 3), nn.Tanh(), nn.AvgPool2d(2))
        self.classifier = nn.Sequential(nn.Linear(5 * 2 * 2, 8), nn.ReLU(), nn.Linear(8, 3))

    def forward(self, x):
        x = self.features(x)
        x = x.view(x.size(0), -1)
        return self.classifier(x)


class TwoInputs(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, a, b):
        return self.fc(a + b)


def mlp():
    return nn.Sequential(OrderedDict(
        fc1=nn.Linear(8, 16), relu1=nn.ReLU(),
        fc2=nn.Linear(16, 12), bn2=nn.BatchNorm1d(12), tanh2=nn.Tanh(), drop2=nn.Dropout(0.2),
        out=nn.Linear(12, 4)))


def cnn_bn():
    # bn1 follows a convolution (the exporter folds it into conv1); bn2 follows a ReLU (kept as BatchNormalization)
    return nn.Sequential(OrderedDict(
        conv1=nn.Conv2d(2, 4, 3, padding=1), bn1=nn.BatchNorm2d(4), relu1=nn.ReLU(), pool1=nn.MaxPool2d(2),
        conv2=nn.Conv2d(4, 6, 3, stride=2, padding=1), relu2=nn.ReLU(), bn2=nn.BatchNorm2d(6),
        pool2=nn.AvgPool2d(3), flatten=nn.Flatten(),
        fc=nn.Linear(6, 5), softmax=nn.Softmax(dim=1)))


def cnn_flatten():
    return nn.Sequential(OrderedDict(
        conv1=nn.Conv2d(1, 4, 3, padding=1), relu1=nn.ReLU(), pool1=nn.MaxPool2d(2),
        conv2=nn.Conv2d(4, 5, 3), sig2=nn.Sigmoid(), gap=nn.AdaptiveAvgPool2d(1), flatten=nn.Flatten(),
        fc=nn.Linear(5, 3)))


# name -> (factory, input shape, opsets, dynamic batch, final softmax)
MODELS = {
    "mlp": (mlp, (8,), (11, 17), True, False),
    "cnn_bn": (cnn_bn, (2, 10, 10), (11, 17), True, True),
    "cnn_flatten": (cnn_flatten, (1, 8, 8), (11, 17), True, False),
    "cnn_view": (ViewCnn, (1, 12, 12), (11, 17), True, False),
    "cnn_view_static": (ViewCnn, (1, 12, 12), (13,), False, False),
    "mlp_matmul": (MatMulMlp, (6,), (11, 17), True, False),
    "mlp_normalised": (lambda: Normalised(5), (5,), (13,), True, False),
    "unsupported_leakyrelu": (lambda: nn.Sequential(nn.Linear(4, 5), nn.LeakyReLU(0.1), nn.Linear(5, 2)),
                              (4,), (13,), True, False),
}


def export(model, example, path, opset, dynamic):
    torch.onnx.export(model, example, path, opset_version=opset, input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}} if dynamic else None)


def main():
    for name, (factory, shape, opsets, dynamic, softmax) in MODELS.items():
        torch.manual_seed(1234)
        gen = torch.Generator().manual_seed(99)
        model = factory()
        randomise_batchnorm(model, gen)
        model.eval()
        x = torch.randn((BATCH,) + shape, generator=gen)
        with torch.no_grad():
            outputs = model(x)
            logits = model[:-1](x) if softmax else outputs
        for opset in opsets:
            export(model, x if dynamic else x[:1], os.path.join(HERE, f"{name}_op{opset}.onnx"), opset, dynamic)
        if name.startswith("unsupported"):
            continue
        expected = {"model": name, "torch": torch.__version__, "input_shape": list(shape),
                    "inputs": x.reshape(BATCH, -1).tolist(), "outputs": outputs.reshape(BATCH, -1).tolist(),
                    "logits": logits.reshape(BATCH, -1).tolist()}
        with open(os.path.join(HERE, f"{name}.json"), "w") as f:
            json.dump(expected, f, indent=1)
            f.write("\n")

    # models InfoPrune must reject: two inputs, and an image size left dynamic
    torch.manual_seed(1)
    a = torch.randn(2, 4)
    torch.onnx.export(TwoInputs().eval(), (a, a), os.path.join(HERE, "two_inputs_op13.onnx"), opset_version=13,
                      input_names=["a", "b"], output_names=["output"])
    torch.onnx.export(cnn_flatten().eval(), torch.randn(2, 1, 8, 8), os.path.join(HERE, "dynamic_size_op13.onnx"),
                      opset_version=13, input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch", 2: "height", 3: "width"}})


if __name__ == "__main__":
    main()
