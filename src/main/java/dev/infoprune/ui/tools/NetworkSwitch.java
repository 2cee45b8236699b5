package dev.infoprune.ui.tools;

import dev.infoprune.ui.flows.PrunedNetwork;
import javafx.beans.value.ObservableBooleanValue;

import java.util.function.Consumer;

/**
 * How the window switches the open model for the tools' "Work on the pruned network" and "Back to the original
 * network".
 *
 * @param workOn    makes a pruned network the open model
 * @param back      goes back to the network open before the first {@code workOn}
 * @param canGoBack whether there is one to go back to
 */
public record NetworkSwitch(Consumer<PrunedNetwork> workOn, Runnable back, ObservableBooleanValue canGoBack) {
}
