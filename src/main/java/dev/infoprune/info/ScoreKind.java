package dev.infoprune.info;

/** The per-node scores the network view can colour by. */
public enum ScoreKind {
    /** I(node; labels). */
    LABEL_MI("I(node; labels)", true),
    /** I(node; next layer): the next prunable layer's units (the outputs for the last hidden layer) as one target. */
    NEXT_LAYER_MI("I(node; next layer)", true),
    /** I(node; labels | rest of its layer), exact for gaussian, the top-m correlated nodes otherwise. */
    LABEL_CMI_GIVEN_LAYER("I(node; labels | rest of layer)", true),
    /** L1 norm of the node's incoming weights (a conv filter's whole kernel). */
    WEIGHT_L1("L1 of incoming weights", false),
    /** L2 norm of the node's incoming weights. */
    WEIGHT_L2("L2 of incoming weights", false);

    private final String label;
    private final boolean needsActivations;

    ScoreKind(String label, boolean needsActivations) {
        this.label = label;
        this.needsActivations = needsActivations;
    }

    /** For legends and column headers. */
    public String label() {
        return label;
    }

    public boolean needsActivations() {
        return needsActivations;
    }
}
