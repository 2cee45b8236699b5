package dev.infoprune.ui.flows;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.util.StringConverter;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Text fields bound both ways to a number property: only number characters can be typed, the value is taken on
 * Enter or when the field loses focus, and text that is not a number puts the previous value back. Or, with
 * {@link #asTyped}, the value is taken with every keystroke that leaves a number in the field.
 */
public final class NumberFields {
    private NumberFields() {
    }

    public static TextField decimal(String id, DoubleProperty property, int columns) {
        TextFormatter<Double> f = new TextFormatter<>(new Lenient<>(property::get, Double::valueOf,
                v -> strip(String.format(Locale.ROOT, "%.6g", v))), property.get(), only("[0-9.eE+-]*"));
        f.valueProperty().addListener((o, a, v) -> property.set(v));
        property.addListener((o, a, v) -> f.setValue(v.doubleValue()));
        return field(id, f, columns);
    }

    public static TextField integer(String id, IntegerProperty property, int columns) {
        TextFormatter<Integer> f = new TextFormatter<>(new Lenient<>(property::get, Integer::valueOf, String::valueOf),
                property.get(), only("-?[0-9]*"));
        f.valueProperty().addListener((o, a, v) -> property.set(v));
        property.addListener((o, a, v) -> f.setValue(v.intValue()));
        return field(id, f, columns);
    }

    /**
     * Binds {@code field} both ways to {@code property} as it is typed: text that reads as a number (through
     * {@code parse}) sets the property at once, a new value of the property is written into the field unless the
     * field says it already, and text that does not read is marked invalid and leaves the property as it was.
     *
     * @return whether the field's text reads now
     */
    public static ReadOnlyBooleanProperty asTyped(TextField field, Property<Number> property,
                                                  Function<String, ? extends Number> parse, Function<Number, String> format) {
        BooleanProperty readable = new SimpleBooleanProperty(field, "readable", true);
        field.textProperty().addListener((o, was, text) -> {
            Number value = readOrNull(parse, text);
            readable.set(value != null);
            field.getStyleClass().remove("invalid");
            if (value == null) {
                field.getStyleClass().add("invalid");
            } else if (!value.equals(property.getValue())) {
                property.setValue(value);
            }
        });
        property.addListener((o, was, now) -> {
            if (!now.equals(readOrNull(parse, field.getText()))) {
                field.setText(format.apply(now));
            }
        });
        field.setText(format.apply(property.getValue()));
        return readable;
    }

    private static Number readOrNull(Function<String, ? extends Number> parse, String text) {
        try {
            return text == null ? null : parse.apply(text.trim());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static TextField field(String id, TextFormatter<?> formatter, int columns) {
        TextField t = new TextField();
        t.setId(id);
        t.setTextFormatter(formatter);
        t.setPrefColumnCount(columns);
        return t;
    }

    private static UnaryOperator<TextFormatter.Change> only(String regex) {
        return c -> c.getControlNewText().matches(regex) ? c : null;
    }

    /** "0.00100000" -> "0.001", "3.00000" -> "3". */
    private static String strip(String s) {
        if (s.contains("e") || !s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static final class Lenient<T> extends StringConverter<T> {
        private final java.util.function.Supplier<T> previous;
        private final java.util.function.Function<String, T> parse;
        private final java.util.function.Function<T, String> format;

        Lenient(java.util.function.Supplier<T> previous, java.util.function.Function<String, T> parse,
                java.util.function.Function<T, String> format) {
            this.previous = previous;
            this.parse = parse;
            this.format = format;
        }

        @Override
        public String toString(T value) {
            return value == null ? "" : format.apply(value);
        }

        @Override
        public T fromString(String text) {
            try {
                return parse.apply(text.trim());
            } catch (RuntimeException e) {
                return previous.get();
            }
        }
    }
}
