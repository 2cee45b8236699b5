"""Writes the fuzz seed corpus (ReaderFuzzTestInputs/<target>/ and each folder's index.txt). Run with python3 + NumPy."""
import gzip, io, json, os, struct, zipfile
import numpy as np

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ReaderFuzzTestInputs")


def put(target, name, data):
    with open(os.path.join(here, target, name), "wb") as f:
        f.write(data)


def index(target, names):
    put(target, "index.txt", ("\n".join(names) + "\n").encode())


rng = np.random.default_rng(0)
weights = {"fc1.weight": rng.normal(size=(3, 4)).astype("<f4"), "fc1.bias": np.zeros(3, "<f4"),
           "out.weight": rng.normal(size=(2, 3)).astype(">f4"), "out.bias": np.array([0.5, -0.5], ">f8")}
buf = io.BytesIO(); np.savez(buf, **weights); npz = buf.getvalue()
buf = io.BytesIO(); np.savez_compressed(buf, **weights); npz_compressed = buf.getvalue()
buf = io.BytesIO(); np.savez(buf, w=np.asfortranarray(np.arange(6, dtype="<f4").reshape(2, 3)), i=np.arange(3, dtype="<i8"))
npz_fortran = buf.getvalue()
put("npz", "stored.npz", npz); put("npz", "compressed.npz", npz_compressed); put("npz", "fortran.npz", npz_fortran)
index("npz", ["stored.npz", "compressed.npz", "fortran.npz"])

model = {"format": "infoprune-model", "version": 1, "name": "tiny", "input": {"shape": [4]}, "classes": ["a", "b"],
         "normalization": {"mean": [0.0, 1.0, 2.0, 3.0], "std": [1.0, 2.0, 3.0, 4.0]},
         "layers": [{"type": "dense", "name": "fc1", "out": 3}, {"type": "dropout", "name": "d", "rate": 0.25},
                    {"type": "relu", "name": "r"}, {"type": "dense", "name": "out", "out": 2}],
         "provenance": {"dataset": "x", "seed": 1}}
model_json = json.dumps(model, indent=1).encode()
put("modelJson", "model.json", model_json); put("modelJson", "weights.npz", npz)
index("modelJson", ["model.json"])

images = struct.pack(">iiii", 0x803, 2, 3, 3) + bytes(range(18))
labels = struct.pack(">ii", 0x801, 2) + bytes([0, 1])
put("idx", "images.idx", images); put("idx", "labels.idx", labels)
put("idx", "images.idx.gz", gzip.compress(images, mtime=0)); put("idx", "labels.idx.gz", gzip.compress(labels, mtime=0))
index("idx", ["images.idx", "labels.idx", "images.idx.gz", "labels.idx.gz"])

put("csv", "header.csv", b"a,b,c,label\n1.5,2,3,x\n-4,5e-3,6,y\n7,8,9,x\n")
put("csv", "plain.csv", b"0.1;0.2;0\n0.3;0.4;1\n0.5;0.6;2\n")
put("csv", "descriptor.csv", b"3,2,setosa,versicolor\n5.1,3.5,0\n4.9,3.0,1\n4.7,3.2,0\n")
put("csv", "quoted.csv", b'"x","y","label"\n"1","2","0"\n3,4,1\n')
index("csv", ["header.csv", "plain.csv", "descriptor.csv", "quoted.csv"])

for name in ["mlp_op17.onnx", "cnn_bn_op17.onnx"]:
    with open(os.path.join(here, "..", "..", "..", "..", "onnx", name), "rb") as f:
        put("onnx", name, f.read())
index("onnx", ["mlp_op17.onnx", "cnn_bn_op17.onnx"])

session = {"format": "infoprune-session", "version": 1, "savedAt": 1, "model": {"kind": "embedded", "spec": "tiny"},
           "data": {"spec": "digits", "seed": 3, "probeSamples": 100}, "shownScore": None, "scores": [], "comparisons": []}
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("session.json", json.dumps(session))
    z.writestr("model/model.json", model_json)
    z.writestr("model/weights.npz", npz)
put("session", "embedded.infoprune-session", buf.getvalue())
index("session", ["embedded.infoprune-session"])
