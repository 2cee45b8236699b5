#!/usr/bin/env python3
"""Makes the ONNX fixtures for the modern activations and padded pooling with real PyTorch (Debian's
python3-torch 1.13, run with /usr/bin/python3), in the format of make_fixtures.py.

One small seeded chain per activation module (LeakyReLU, ELU, ReLU6, Hardtanh, GELU, SiLU, Hardswish, Hardsigmoid),
a CNN with several of them, and a CNN with padded max and average pooling, each exported with torch.onnx.export at
opsets 13 and 17. Inputs are drawn with a spread of 3 so that every activation's bends and clips are reached.
<model>.json holds input_shape, inputs, outputs and logits (the same as outputs: no model ends in a softmax).
unsupported_softplus_op13.onnx is a chain with an operator InfoPrune does not read.
Run from this folder:  /usr/bin/python3 make_activation_fixtures.py
"""
import json
import os
from collections import OrderedDict

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
BATCH = 4
OPSETS = (13, 17)


def mlp_with(activation):
    return lambda: nn.Sequential(OrderedDict(
        fc1=nn.Linear(6, 10), act1=activation(), fc2=nn.Linear(10, 8), act2=activation(), out=nn.Linear(8, 3)))


def cnn_acts():
    return nn.Sequential(OrderedDict(
        conv1=nn.Conv2d(2, 4, 3, padding=1), act1=nn.SiLU(), conv2=nn.Conv2d(4, 4, 3, padding=1), act2=nn.GELU(),
        conv3=nn.Conv2d(4, 5, 3, stride=2), act3=nn.Hardswish(), flatten=nn.Flatten(),
        fc=nn.Linear(5 * 3 * 3, 8), act4=nn.ELU(), out=nn.Linear(8, 3)))


def cnn_padded_pool():
    return nn.Sequential(OrderedDict(
        conv1=nn.Conv2d(2, 4, 3, padding=1), relu1=nn.ReLU6(),
        pool1=nn.MaxPool2d(3, stride=2, padding=1),
        conv2=nn.Conv2d(4, 5, 3, padding=1), leaky2=nn.LeakyReLU(0.2),
        pool2=nn.AvgPool2d(3, stride=2, padding=1),
        conv3=nn.Conv2d(5, 5, 1), tanh3=nn.Tanh(),
        pool3=nn.AvgPool2d(2, stride=1, padding=1, count_include_pad=False),
        flatten=nn.Flatten(), fc=nn.Linear(5 * 3 * 3, 3)))


# name -> (factory, per-sample input shape)
MODELS = {
    "act_leakyrelu": (mlp_with(lambda: nn.LeakyReLU(0.1)), (6,)),
    "act_elu": (mlp_with(lambda: nn.ELU(alpha=0.7)), (6,)),
    "act_relu6": (mlp_with(nn.ReLU6), (6,)),
    "act_hardtanh": (mlp_with(lambda: nn.Hardtanh(-0.5, 1.5)), (6,)),
    "act_gelu": (mlp_with(nn.GELU), (6,)),
    "act_silu": (mlp_with(nn.SiLU), (6,)),
    "act_hardswish": (mlp_with(nn.Hardswish), (6,)),
    "act_hardsigmoid": (mlp_with(nn.Hardsigmoid), (6,)),
    "act_cnn": (cnn_acts, (2, 7, 7)),
    "pool_padded": (cnn_padded_pool, (2, 7, 7)),
}


def export(model, example, path, opset):
    torch.onnx.export(model, example, path, opset_version=opset, input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})


def main():
    for name, (factory, shape) in MODELS.items():
        torch.manual_seed(4321)
        gen = torch.Generator().manual_seed(77)
        model = factory().eval()
        x = 3 * torch.randn((BATCH,) + shape, generator=gen)
        with torch.no_grad():
            outputs = model(x)
        for opset in OPSETS:
            export(model, x, os.path.join(HERE, f"{name}_op{opset}.onnx"), opset)
        expected = {"model": name, "torch": torch.__version__, "input_shape": list(shape),
                    "inputs": x.reshape(BATCH, -1).tolist(), "outputs": outputs.reshape(BATCH, -1).tolist(),
                    "logits": outputs.reshape(BATCH, -1).tolist()}
        with open(os.path.join(HERE, f"{name}.json"), "w") as f:
            json.dump(expected, f, indent=1)
            f.write("\n")

    torch.manual_seed(1)
    softplus = nn.Sequential(nn.Linear(4, 5), nn.Softplus(), nn.Linear(5, 2)).eval()
    export(softplus, torch.randn(2, 4), os.path.join(HERE, "unsupported_softplus_op13.onnx"), 13)


if __name__ == "__main__":
    main()
