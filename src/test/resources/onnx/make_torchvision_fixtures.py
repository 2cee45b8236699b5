#!/usr/bin/env python3
"""Makes the ONNX fixtures of torchvision's own networks and of the operators the coverage of torchvision needed, with
real PyTorch (Debian's python3-torch 1.13 and python3-torchvision 0.14, run with /usr/bin/python3), in the format of
make_activation_fixtures.py. Weights are seeded random, BatchNorm statistics too (make_fixtures.py).

tv_resnet18:       torchvision resnet18 with every width divided by 8 (stem 8, stages 8/16/32/64, 10 classes): the
                   full network is 45 MB, the narrowed one has its structure (padded max pooling, 1x1 downsamples).
tv_mobilenet_v2:   torchvision mobilenet_v2(width_mult=0.25, num_classes=10).
tv_mobilenet_v3:   torchvision mobilenet_v3_small(width_mult=0.25, num_classes=10): squeeze-and-excitation gates
                   (HardSigmoid), Hardswish.
tv_densenet:       torchvision DenseNet(growth_rate=4, block_config=(24, 2), num_init_features=8, bn_size=2): dense
                   blocks of pre-activation BN-ReLU-Conv layers joined by Concat, a transition with average pooling.
tv_shufflenet:     torchvision ShuffleNetV2([2, 2, 2], [8, 16, 32, 64, 128], num_classes=10): channel shuffles
                   (Reshape, Transpose, Reshape) and x.chunk(2, dim=1) (Slice of channels).
tv_mnasnet:        torchvision MNASNet(0.25, num_classes=10): depthwise blocks, mean over height and width (ReduceMean).
resnet20:          the CIFAR ResNet-20 (He et al. 2016: 16/32/64 channels, three stages of three BasicBlocks, 1x1
                   conv + BatchNorm shortcuts where the shape changes), 3x32x32 input.
graph_se:          a small EfficientNet-style network: SiLU, depthwise conv, a squeeze-and-excitation gate
                   (torchvision.ops.SqueezeExcitation: Sigmoid) and a residual Add.
pool_ceil:         max pooling with ceil_mode=True (GoogLeNet, SqueezeNet), padded and not.
The torchvision networks are exported at opset 13 only (to keep the files small), the others at 13 and 17.
Run from this folder:  /usr/bin/python3 make_torchvision_fixtures.py
"""
from collections import OrderedDict

import torch
import torch.nn as nn
import torchvision.models as models
from torchvision.ops import SqueezeExcitation

from make_graph_fixtures import BasicBlock, conv_bn, write_fixture


def narrowed(model, factor):
    """The same network with every hidden width divided by factor (the 3 input channels and the classes stay)."""
    for parent in list(model.modules()):
        for name, m in list(parent.named_children()):
            if isinstance(m, nn.Conv2d):
                cin = m.in_channels if m.in_channels == 3 else m.in_channels // factor
                groups = m.groups if m.groups == 1 else m.groups // factor
                setattr(parent, name, nn.Conv2d(cin, m.out_channels // factor, m.kernel_size, m.stride, m.padding,
                                                groups=groups, bias=m.bias is not None))
            elif isinstance(m, nn.BatchNorm2d):
                setattr(parent, name, nn.BatchNorm2d(m.num_features // factor))
            elif isinstance(m, nn.Linear):
                setattr(parent, name, nn.Linear(m.in_features // factor, m.out_features))
    return model


class ResNet20(nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.stem = conv_bn(3, 16, 3)
        self.relu = nn.ReLU()
        blocks = []
        cin = 16
        for cout, stride in ((16, 1), (32, 2), (64, 2)):
            for i in range(3):
                blocks.append(BasicBlock(cin, cout, stride if i == 0 else 1))
                cin = cout
        self.blocks = nn.Sequential(*blocks)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(64, classes)

    def forward(self, x):
        return self.fc(torch.flatten(self.pool(self.blocks(self.relu(self.stem(x)))), 1))


class SeBlock(nn.Module):
    """EfficientNet's MBConv in small: expand, depthwise, squeeze-and-excitation, project, residual."""

    def __init__(self, channels, hidden):
        super().__init__()
        self.expand = nn.Sequential(conv_bn(channels, hidden, 1), nn.SiLU())
        self.depthwise = nn.Sequential(conv_bn(hidden, hidden, 3, groups=hidden), nn.SiLU())
        self.se = SqueezeExcitation(hidden, 3, activation=nn.SiLU)
        self.project = conv_bn(hidden, channels, 1)

    def forward(self, x):
        return x + self.project(self.se(self.depthwise(self.expand(x))))


def se_net():
    return nn.Sequential(OrderedDict(
        stem=conv_bn(3, 6, 3, 2), act=nn.SiLU(), block=SeBlock(6, 12),
        pool=nn.AdaptiveAvgPool2d(1), flatten=nn.Flatten(), fc=nn.Linear(6, 4)))


def pool_ceil():
    return nn.Sequential(OrderedDict(
        conv1=nn.Conv2d(2, 4, 3), relu1=nn.ReLU(), pool1=nn.MaxPool2d(3, stride=2, ceil_mode=True),
        conv2=nn.Conv2d(4, 4, 3, padding=1), relu2=nn.ReLU(), pool2=nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True),
        flatten=nn.Flatten(), fc=nn.Linear(4 * 3 * 3, 3)))


# name -> (factory, per-sample input shape, opsets)
MODELS = {
    "tv_resnet18": (lambda: narrowed(models.resnet18(num_classes=10), 8), (3, 64, 64), (13,)),
    "tv_mobilenet_v2": (lambda: models.mobilenet_v2(width_mult=0.25, num_classes=10), (3, 32, 32), (13,)),
    "tv_mobilenet_v3": (lambda: models.mobilenet_v3_small(width_mult=0.25, num_classes=10), (3, 32, 32), (13,)),
    "tv_densenet": (lambda: models.DenseNet(growth_rate=4, block_config=(24, 2), num_init_features=8, bn_size=2,
                                           num_classes=10), (3, 32, 32), (13,)),
    "tv_shufflenet": (lambda: models.ShuffleNetV2([2, 2, 2], [8, 16, 32, 64, 128], num_classes=10), (3, 32, 32), (13,)),
    "tv_mnasnet": (lambda: models.MNASNet(0.25, num_classes=10), (3, 32, 32), (13,)),
    "resnet20": (ResNet20, (3, 32, 32), (13, 17)),
    "graph_se": (se_net, (3, 16, 16), (13, 17)),
    "pool_ceil": (pool_ceil, (2, 12, 12), (13, 17)),
}


def main():
    for name, (factory, shape, opsets) in MODELS.items():
        write_fixture(name, factory, shape, opsets)


if __name__ == "__main__":
    main()
