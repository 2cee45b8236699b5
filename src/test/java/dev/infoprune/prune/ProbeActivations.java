package dev.infoprune.prune;

import dev.infoprune.core.Matrix;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Activation;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Dropout;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.ReferenceForward;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Activations of a network on given inputs, through the independent reference forward pass: a unit's value is
 * taken after the BatchNorm/activation/dropout that directly follow its layer, a conv filter's map averaged
 * over space; the output layer gives the raw outputs. (Tests only; the engine captures with DJL.)
 */
public final class ProbeActivations {
    private ProbeActivations() {
    }

    public static Activations of(Network net, float[][] inputs, int[] labels) {
        int n = inputs.length;
        int[] prunable = net.prunableLayerIndices();
        int outIdx = net.outputLayerIndex();
        Map<String, double[]> data = new LinkedHashMap<>();
        Map<String, Integer> width = new LinkedHashMap<>();
        for (int li : prunable) {
            width.put(net.layer(li).name(), net.layer(li).units());
        }
        width.put(net.layer(outIdx).name(), net.layer(outIdx).units());
        width.forEach((k, w) -> data.put(k, new double[n * w]));
        for (int s = 0; s < n; s++) {
            double[][] outs = ReferenceForward.layerOutputs(net, inputs[s]);
            for (Map.Entry<String, Integer> e : width.entrySet()) {
                int li = net.indexOf(e.getKey());
                int tap = li;
                if (li != outIdx) {
                    while (tap + 1 < net.layers().size() && elementwise(net.layer(tap + 1))) {
                        tap++;
                    }
                }
                double[] v = outs[tap];
                int w = e.getValue();
                int per = v.length / w;
                double[] dst = data.get(e.getKey());
                for (int u = 0; u < w; u++) {
                    double acc = 0;
                    for (int q = 0; q < per; q++) {
                        acc += v[u * per + q];
                    }
                    dst[s * w + u] = acc / per;
                }
            }
        }
        Map<String, Matrix> byLayer = new LinkedHashMap<>();
        data.forEach((k, d) -> byLayer.put(k, Matrix.wrap(n, width.get(k), d)));
        return new Activations(byLayer, net.layer(outIdx).name(), labels);
    }

    private static boolean elementwise(Layer l) {
        return l instanceof Activation || l instanceof BatchNorm || l instanceof Dropout;
    }
}
