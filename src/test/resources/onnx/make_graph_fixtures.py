#!/usr/bin/env python3
"""Makes the ONNX fixtures for graph networks with real PyTorch (Debian's python3-torch 1.13, run with
/usr/bin/python3), in the format of make_activation_fixtures.py.

graph_resnet8: a CIFAR-style ResNet (3x32x32 input, a 3x3 stem, three BasicBlocks: one with an identity shortcut, two
with stride 2 and a 1x1 conv + BatchNorm downsample shortcut, global average pooling, a linear classifier).
graph_mobilenet: a small depthwise-separable network (MobileNet-like, ReLU6, an inverted residual block).
graph_concat: a tiny DenseNet-style block that concatenates its input with two branches along the channels.
Weights are seeded random, BatchNorm statistics too (make_fixtures.py's randomise_batchnorm);
each model is exported with torch.onnx.export at opsets 13 and 17. <model>.json holds input_shape, inputs, outputs
and logits (the same as outputs).
Run from this folder:  /usr/bin/python3 make_graph_fixtures.py
"""
import json
import os
from collections import OrderedDict

import torch
import torch.nn as nn

from make_activation_fixtures import export
from make_fixtures import randomise_batchnorm

HERE = os.path.dirname(os.path.abspath(__file__))
BATCH = 2
OPSETS = (13, 17)


def conv_bn(cin, cout, kernel, stride=1, groups=1):
    return nn.Sequential(OrderedDict(
        conv=nn.Conv2d(cin, cout, kernel, stride=stride, padding=kernel // 2, groups=groups, bias=False),
        bn=nn.BatchNorm2d(cout)))


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.body1 = conv_bn(cin, cout, 3, stride)
        self.relu1 = nn.ReLU()
        self.body2 = conv_bn(cout, cout, 3)
        self.shortcut = conv_bn(cin, cout, 1, stride) if stride != 1 or cin != cout else nn.Identity()
        self.relu2 = nn.ReLU()

    def forward(self, x):
        return self.relu2(self.body2(self.relu1(self.body1(x))) + self.shortcut(x))


class ResNet8(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = conv_bn(3, 8, 3)
        self.relu = nn.ReLU()
        self.blocks = nn.Sequential(BasicBlock(8, 8, 1), BasicBlock(8, 12, 2), BasicBlock(12, 16, 2))
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(16, 10)

    def forward(self, x):
        return self.fc(torch.flatten(self.pool(self.blocks(self.relu(self.stem(x)))), 1))


class InvertedResidual(nn.Module):
    def __init__(self, channels, expansion):
        super().__init__()
        hidden = channels * expansion
        self.expand = nn.Sequential(conv_bn(channels, hidden, 1), nn.ReLU6())
        self.depthwise = nn.Sequential(conv_bn(hidden, hidden, 3, groups=hidden), nn.ReLU6())
        self.project = conv_bn(hidden, channels, 1)

    def forward(self, x):
        return x + self.project(self.depthwise(self.expand(x)))


class MobileNetLike(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            conv_bn(3, 8, 3, 2), nn.ReLU6(),
            conv_bn(8, 8, 3, groups=8), nn.ReLU6(),
            conv_bn(8, 12, 1), nn.ReLU6(),
            InvertedResidual(12, 2))
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(12, 5)

    def forward(self, x):
        return self.fc(torch.flatten(self.pool(self.features(x)), 1))


class ConcatNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 4, 3, padding=1)
        self.relu = nn.ReLU()
        self.branch_a = nn.Conv2d(4, 3, 1)
        self.branch_b = nn.Conv2d(4, 5, 3, padding=1)
        self.mix = nn.Conv2d(12, 6, 3, stride=2)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(6, 3)

    def forward(self, x):
        x = self.relu(self.stem(x))
        x = torch.cat([x, self.branch_a(x), torch.relu(self.branch_b(x))], dim=1)
        return self.fc(torch.flatten(self.pool(torch.relu(self.mix(x))), 1))


# name -> (factory, per-sample input shape)
MODELS = {
    "graph_resnet8": (ResNet8, (3, 32, 32)),
    "graph_mobilenet": (MobileNetLike, (3, 16, 16)),
    "graph_concat": (ConcatNet, (3, 8, 8)),
}


def write_fixture(name, factory, shape, opsets=OPSETS):
    """Seeds, builds, randomises BatchNorm statistics, exports at each opset and writes <name>.json."""
    torch.manual_seed(4321)
    gen = torch.Generator().manual_seed(77)
    model = factory()
    randomise_batchnorm(model, gen)
    model.eval()
    x = torch.randn((BATCH,) + shape, generator=gen)
    with torch.no_grad():
        outputs = model(x).reshape(BATCH, -1).tolist()
    for opset in opsets:
        export(model, x, os.path.join(HERE, f"{name}_op{opset}.onnx"), opset)
    expected = {"model": name, "torch": torch.__version__, "input_shape": list(shape),
                "inputs": x.reshape(BATCH, -1).tolist(), "outputs": outputs, "logits": outputs}
    with open(os.path.join(HERE, f"{name}.json"), "w") as f:
        json.dump(expected, f)
        f.write("\n")


def main():
    for name, (factory, shape) in MODELS.items():
        write_fixture(name, factory, shape)


if __name__ == "__main__":
    main()
