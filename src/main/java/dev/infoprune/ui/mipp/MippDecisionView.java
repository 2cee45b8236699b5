package dev.infoprune.ui.mipp;

import dev.infoprune.prune.mipp.Step;
import dev.infoprune.ui.network.NetworkViewModel;
import dev.infoprune.ui.network.NodeId;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The inspector's MIPP section: what MIPP decided about the selected unit, up to the step shown, and why. */
public final class MippDecisionView extends VBox {
    private final MippModel model;
    private final NetworkViewModel view;
    private final Label summary = new Label();
    private final GridPane numbers = new GridPane();

    public MippDecisionView(MippModel model) {
        this.model = model;
        this.view = model.networkView();
        setId("mippDecision");
        getStyleClass().add("inspector");
        setSpacing(6);
        setPadding(new Insets(0, 10, 10, 10));
        Label section = new Label("MIPP decision");
        section.getStyleClass().add("inspector-section");
        summary.setId("mippDecisionSummary");
        summary.setWrapText(true);
        numbers.setId("mippDecisionNumbers");
        numbers.setHgap(8);
        numbers.setVgap(3);
        var names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        var values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        numbers.getColumnConstraints().setAll(names, values);
        getChildren().addAll(section, summary, numbers);
        view.selectedProperty().addListener(o -> refresh());
        model.trackProperty().addListener(o -> refresh());
        model.positionProperty().addListener(o -> refresh());
        refresh();
    }

    private void refresh() {
        numbers.getChildren().clear();
        NodeId node = view.selectedProperty().get();
        MippTrack t = model.track();
        if (node == null) {
            summary.setText("Select a node to see what MIPP decided about it.");
            return;
        }
        if (t == null) {
            summary.setText("MIPP has not run. Start it in the MIPP stepper below the network.");
            return;
        }
        if (!t.widths().containsKey(node.layer())) {
            summary.setText("Output units are never pruned: they are the target T of the last hidden layer.");
            return;
        }
        Step s = t.decisionOf(node.layer(), node.index(), model.position());
        if (s == null) {
            int start = t.layerStarts()[t.visitOrder().indexOf(node.layer())];
            summary.setText(String.format(Locale.ROOT, "Not tested yet at step %d. Layer %s is tested from step %d on.",
                    model.position(), node.layer(), start + 1));
            return;
        }
        String verdict = switch (s.decision()) {
            case KEEP -> "kept: removing it loses significant information about T";
            case PRUNE -> "pruned: removing it loses no significant information about T";
            case KEEP_LAST -> "kept as the last unit of its layer";
        };
        summary.setText(String.format(Locale.ROOT, "Tested at step %d of %d — %s.", s.index() + 1, t.totalSteps(), verdict));
        int pct = (int) Math.round(t.confidence() * 100);
        row(0, "I(unit; T)", nats(s.unitInformation()));
        row(1, "|S| before", Integer.toString(s.setSize()));
        row(2, "I(S; T)", nats(s.miWith()));
        row(3, "I(S∖{unit}; T)", nats(s.miWithout()));
        row(4, "Δ, mean ± sd", String.format(Locale.ROOT, "%.4g ± %.2g", s.delta(), s.deltaStd()));
        row(5, "Δ, " + pct + "% lower bound", String.format(Locale.ROOT, "%.4g", s.deltaLower()));
        row(6, "Δ per subsample", Arrays.stream(s.deltas()).mapToObj(d -> String.format(Locale.ROOT, "%.3g", d))
                .collect(Collectors.joining(", ")));
        int r = 7;
        if (s.nullDelta() != null) {
            row(r++, "null model Δ", String.format(Locale.ROOT, "%.4g", s.nullDelta()));
        }
        row(r, "|S| after", Integer.toString(s.keptAfter()));
    }

    private static String nats(double v) {
        return String.format(Locale.ROOT, "%.4g nats", v);
    }

    private void row(int r, String name, String value) {
        Label n = new Label(name);
        n.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setId("mipp-" + r);
        v.getStyleClass().add("score-value");
        v.setWrapText(true);
        numbers.addRow(r, n, v);
    }
}
