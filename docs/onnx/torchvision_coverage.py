#!/usr/bin/env python3
"""Which torchvision classification builders InfoPrune's ONNX import reads, and whether the imported networks
reproduce PyTorch's outputs.

  export  builds every classification builder of torchvision.models with seeded random weights (BatchNorm statistics
          randomised as in src/test/resources/onnx/make_fixtures.py), runs it in eval mode on two seeded inputs and
          exports it with torch.onnx.export (opset 13) to OUT/<builder>.onnx, with OUT/<builder>.json holding the
          inputs and PyTorch's outputs (the fixture format of the tests); OUT/manifest.json records every builder's
          kind (CNN or not) and any export failure. Builders whose file already exists are not exported again.
  table   merges OUT/manifest.json with OUT/results.json (written by the Java side,
          dev.infoprune.model.onnx.TorchvisionCoverage in src/test) into the Markdown table of docs/onnx.md.

The .onnx files are large (VGG: about 550 MB) and are not committed. Run with Debian's python3-torch 1.13 and
python3-torchvision 0.14:  /usr/bin/python3 docs/onnx/torchvision_coverage.py export /tmp/tvcoverage
"""
import json
import os
import sys

import torch
import torch.nn as nn
import torchvision
import torchvision.models as models

BATCH = 2
OPSET = 13
TOLERANCE = 1e-4
SEED = 4321
# torch.onnx (1.13) exports adaptive average pooling only to sizes that divide the input: AlexNet and VGG pool to a
# fixed 6x6 / 7x7 grid, which their features produce at 224x224; Inception v3 needs at least 75x75.
INPUT_SIZE = {"alexnet": 224, "inception_v3": 96}
VGG_SIZE = 224
DEFAULT_SIZE = 64
# protobuf files over 2 GB cannot be written, and InfoPrune reads .onnx files up to 1 GB
MAX_PARAMETERS = 250_000_000
NOT_CNN = ("vit_", "swin_", "maxvit")


def builders():
    names = models.list_models(module=models) if hasattr(models, "list_models") else [
        n for n, f in vars(models).items() if callable(f) and n[0].islower() and not n.startswith("get_")]
    return sorted(n for n in names if not n.startswith("get_") and n != "list_models")


def kind(name):
    return "transformer" if name.startswith(NOT_CNN) else "CNN"


def input_size(name):
    if name.startswith("vgg"):
        return VGG_SIZE
    return INPUT_SIZE.get(name, DEFAULT_SIZE)


def randomise_batchnorm(model, gen):
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            with torch.no_grad():
                m.weight.copy_(1 + 0.3 * torch.randn(m.num_features, generator=gen))
                m.bias.copy_(0.2 * torch.randn(m.num_features, generator=gen))
                m.running_mean.copy_(0.3 * torch.randn(m.num_features, generator=gen))
                m.running_var.copy_(0.5 + torch.rand(m.num_features, generator=gen))


def export_one(name, out):
    torch.manual_seed(SEED)
    gen = torch.Generator().manual_seed(77)
    extra = {"aux_logits": False, "init_weights": True} if name in ("googlenet", "inception_v3") else {}
    model = models.get_model(name, weights=None, **extra) if hasattr(models, "get_model") else getattr(models, name)(**extra)
    params = sum(p.numel() for p in model.parameters())
    entry = {"builder": name, "kind": "CNN", "parameters": params, "input": [3, input_size(name), input_size(name)]}
    if params > MAX_PARAMETERS:
        entry["export"] = f"too large: {params / 1e6:.0f} M parameters (over 1 GB as ONNX, InfoPrune's import limit)"
        return entry
    randomise_batchnorm(model, gen)
    model.eval()
    x = torch.randn((BATCH,) + tuple(entry["input"]), generator=gen)
    with torch.no_grad():
        outputs = model(x).reshape(BATCH, -1)
    path = os.path.join(out, name + ".onnx")
    try:
        torch.onnx.export(model, x, path, opset_version=OPSET, input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    except Exception as e:  # the exporter's own message is the reason
        entry["export"] = "torch.onnx.export fails: " + str(e).splitlines()[0]
        return entry
    expected = {"model": name, "torch": torch.__version__, "input_shape": entry["input"],
                "inputs": x.reshape(BATCH, -1).tolist(), "outputs": outputs.tolist(), "logits": outputs.tolist()}
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump(expected, f)
    entry["export"] = "ok"
    entry["max_abs_output"] = float(outputs.abs().max())
    return entry


def export_all(out):
    os.makedirs(out, exist_ok=True)
    manifest_path = os.path.join(out, "manifest.json")
    manifest = json.load(open(manifest_path)) if os.path.exists(manifest_path) else {}
    only = sys.argv[3:]
    for name in builders():
        if only and name not in only:
            continue
        if kind(name) != "CNN":
            manifest[name] = {"builder": name, "kind": "transformer", "export": "not a CNN"}
        elif name not in manifest or not os.path.exists(os.path.join(out, name + ".onnx")) or only:
            print("exporting", name, flush=True)
            manifest[name] = export_one(name, out)
            print("  ", manifest[name]["export"], flush=True)
        with open(manifest_path, "w") as f:
            json.dump(manifest, f, indent=1)


def matches(result, entry):
    """PyTorch's outputs to 1e-4, relative to their size where they exceed 1 (deep ResNets with random weights and
    BatchNorm statistics reach 1e10, where float32 itself differs by more than 1e-4)."""
    return result["maxAbsDiff"] <= TOLERANCE * max(1.0, entry["max_abs_output"])


def pruning(result, entry):
    """Surgery on a random group-consistent plan gives the masked network's outputs (same tolerance)."""
    if "pruneProblem" in result:
        return "no: " + reason(result["pruneProblem"])
    same = result["shrunkVsMasked"] <= TOLERANCE * max(1.0, entry["max_abs_output"])
    return (f"{'yes' if same else 'NO'}: {result['groups']} groups, "
            f"{100 * result['prunedParameterShare']:.0f} % of the weights removed, {result['shrunkVsMasked']:.0e}")


def reason(message):
    """The importer's message without the file name and the list of supported operators."""
    message = message.split(": ", 1)[1] if message.startswith("/") else message
    return message.split("; InfoPrune reads Gemm")[0].replace("|", "/")


def table(out):
    manifest = json.load(open(os.path.join(out, "manifest.json")))
    results = json.load(open(os.path.join(out, "results.json")))
    rows = []
    cnn = matched = 0
    for name in builders():
        m = manifest.get(name, {"kind": kind(name), "export": "not run"})
        if m["kind"] != "CNN":
            rows.append(f"| `{name}` | not a CNN | | | | transformer (attention blocks, LayerNorm): outside the goal |")
            continue
        cnn += 1
        r = results.get(name)
        if m["export"] != "ok":
            rows.append(f"| `{name}` | no | | | | {m['export']} |")
        elif r is None:
            rows.append(f"| `{name}` | no | | | | not checked |")
        elif r["imported"]:
            ok = matches(r, m)
            matched += ok
            rows.append(f"| `{name}` | {'yes' if ok else 'no'} | {r['maxAbsDiff']:.1e} | {m['max_abs_output']:.3g} | "
                        f"{pruning(r, m)} | {'' if ok else 'outputs differ by more than 1e-4; '}{r['layers']} layers, "
                        f"{m['parameters'] / 1e6:.1f} M parameters, input {m['input'][1]}x{m['input'][2]} |")
        else:
            rows.append(f"| `{name}` | no | | | | {reason(r['reason'])} |")
    print(f"torchvision {torchvision.__version__}, torch {torch.__version__}: **{matched} of {cnn} CNN classification "
          f"builders import and reproduce PyTorch's outputs ({100 * matched / cnn:.0f} %)**; "
          f"{len(builders()) - cnn} transformers listed for completeness.\n")
    print("| builder | imports, outputs match | max abs difference | max abs output | prunes: surgery = masking "
          "(random group plan) | notes, or the reason |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("export", "table"):
        sys.exit(__doc__)
    (export_all if sys.argv[1] == "export" else table)(sys.argv[2])
