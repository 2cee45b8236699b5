package dev.infoprune.study;

import dev.infoprune.engine.TrainingConfig;
import dev.infoprune.model.ModelCard;

import java.util.Locale;

/**
 * How every pruned network of a study is retrained: epochs, Adam's learning rate, its schedule, and where the epochs
 * came from. By default a pruned network is retrained for two thirds of the epochs its model was trained for (the
 * share the MIPP paper retrains for), read from the model's card; fewer epochs measure how fast a network recovers
 * rather than what the pruning kept.
 */
public record FineTuningBudget(int epochs, double learningRate, TrainingConfig.Schedule schedule, Source source) {
    /**
     * CARD: two thirds of the training epochs on the model's card; TRAINING: all of them (pruning at initialisation
     * trains the pruned network from scratch); GIVEN: asked for; DEFAULT: the card has no training epochs, so the
     * front end's own default; UNRECORDED: read from a results file older than this record.
     */
    public enum Source { CARD, TRAINING, GIVEN, DEFAULT, UNRECORDED }

    public FineTuningBudget {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must not be negative, got " + epochs);
        }
        if (schedule == null || source == null) {
            throw new IllegalArgumentException("a budget needs a schedule and a source");
        }
    }

    /**
     * @param given    the epochs asked for, or null for the card's share
     * @param fallback the epochs when nothing was asked for and the card has no training epochs
     */
    public static FineTuningBudget forModel(ModelCard card, Integer given, int fallback, double learningRate,
                                            TrainingConfig.Schedule schedule) {
        if (given != null) {
            return new FineTuningBudget(given, learningRate, schedule, Source.GIVEN);
        }
        Integer trained = card == null ? null : card.epochs();
        if (trained != null && trained > 0) {
            return new FineTuningBudget(twoThirdsOf(trained), learningRate, schedule, Source.CARD);
        }
        return new FineTuningBudget(fallback, learningRate, schedule, Source.DEFAULT);
    }

    /**
     * The budget of pruning at initialisation: the pruned untrained network is trained for the model's whole
     * training run (its card's epochs) unless {@code given}; null when neither is known.
     */
    public static FineTuningBudget forTrainingFromScratch(ModelCard card, Integer given, double learningRate,
                                                          TrainingConfig.Schedule schedule) {
        if (given != null) {
            return new FineTuningBudget(given, learningRate, schedule, Source.GIVEN);
        }
        Integer trained = card == null ? null : card.epochs();
        return trained != null && trained > 0 ? new FineTuningBudget(trained, learningRate, schedule, Source.TRAINING) : null;
    }

    /** Two thirds of a training run's epochs, rounded, at least one. */
    public static int twoThirdsOf(int trainingEpochs) {
        return Math.max(1, (int) Math.round(trainingEpochs * 2.0 / 3));
    }

    /** A budget whose source nobody recorded: what results files written before budgets were recorded held. */
    public static FineTuningBudget unrecorded(int epochs, double learningRate) {
        return new FineTuningBudget(epochs, learningRate, TrainingConfig.Schedule.CONSTANT, Source.UNRECORDED);
    }

    /** "cosine" or "constant". */
    public String scheduleName() {
        return schedule.name().toLowerCase(Locale.ROOT);
    }

    /** "card", "given", "default" or "unrecorded". */
    public String sourceName() {
        return source.name().toLowerCase(Locale.ROOT);
    }

    public static TrainingConfig.Schedule schedule(String name) {
        return TrainingConfig.Schedule.valueOf(name.toUpperCase(Locale.ROOT));
    }

    public static Source source(String name) {
        return Source.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** E.g. "20 epochs, Adam at learning rate 0.001 with a cosine schedule (two thirds of the model's training epochs, from its card)". */
    public String describe() {
        if (epochs == 0) {
            return "no fine-tuning" + why();
        }
        return epochs + (epochs == 1 ? " epoch" : " epochs") + ", Adam at learning rate " + learningRate + " with a "
                + scheduleName() + " schedule" + why();
    }

    private String why() {
        return source == Source.UNRECORDED ? "" : " (" + origin() + ")";
    }

    /** Where the epochs came from, in words; "" when not recorded. */
    public String origin() {
        return switch (source) {
            case CARD -> "two thirds of the model's training epochs, from its card";
            case TRAINING -> "the model's training epochs, from its card: the pruned untrained network is trained from scratch";
            case GIVEN -> "as asked";
            case DEFAULT -> "the default: the model's card records no training epochs";
            case UNRECORDED -> "";
        };
    }
}
