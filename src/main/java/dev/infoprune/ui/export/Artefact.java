package dev.infoprune.ui.export;

/** What the export dialog can write, and the file or folder name each gets in the target folder. */
public enum Artefact {
    MODEL_FOLDER("Pruned model folder", "model.json + weights.npz"),
    ONNX("ONNX model", "opset 13, runs in ONNX Runtime"),
    PLAN("Pruning plan", "plan.json: kept units per layer, method, settings, seed"),
    TRACE("MIPP trace", "trace.json: every MIPP decision"),
    REPORT("Comparison report", "report.html with charts, results.csv, results.json"),
    VIEW_PNG("Current view as PNG", "what the selected tab shows");

    private final String title;
    private final String description;

    Artefact(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The name in the target folder for a model named {@code name}. */
    public String fileName(String name) {
        return switch (this) {
            case MODEL_FOLDER -> name;
            case ONNX -> name + ".onnx";
            case PLAN -> "plan.json";
            case TRACE -> "trace.json";
            case REPORT -> "report";
            case VIEW_PNG -> "view.png";
        };
    }
}
