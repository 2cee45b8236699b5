package dev.infoprune.data;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Reading;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST / Fashion-MNIST format): big-endian, a magic number {@code 0x00000803} for
 * unsigned-byte images {@code [count, rows, cols]} or {@code 0x00000801} for unsigned-byte labels
 * {@code [count]}, then the bytes. Gzipped files are recognised by their content, not their name.
 */
public final class IdxReader {
    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;
    /** The most data bytes one IDX file may announce (Fashion-MNIST's training images are 47 MB). */
    public static final int MAX_BODY_BYTES = 1 << 30;

    private IdxReader() {
    }

    /** Images as read: {@code count} images of {@code rows × cols} unsigned bytes, row-major. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        public int pixelsPerImage() {
            return rows * cols;
        }

        /** Pixel values 0..255 as floats, one image after the other. */
        public float[] asFloats() {
            float[] out = new float[pixels.length];
            for (int i = 0; i < pixels.length; i++) {
                out[i] = pixels[i] & 0xFF;
            }
            return out;
        }
    }

    public static Images readImages(Path file) {
        return Reading.of(file, () -> readImagesUnguarded(file));
    }

    private static Images readImagesUnguarded(Path file) {
        try (InputStream in = open(file)) {
            return readImages(in, file.toString());
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    public static int[] readLabels(Path file) {
        return Reading.of(file, () -> readLabelsUnguarded(file));
    }

    private static int[] readLabelsUnguarded(Path file) {
        try (InputStream in = open(file)) {
            return readLabels(in, file.toString());
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    public static Images readImages(InputStream raw, String source) {
        try {
            InputStream in = InputStreams.maybeGunzip(raw);
            byte[] header = readHeader(in, source, 16, IMAGES_MAGIC, "images");
            int count = dimension(source, header, 4, "image count");
            int rows = dimension(source, header, 8, "row count");
            int cols = dimension(source, header, 12, "column count");
            long bytes;
            try {
                bytes = Math.multiplyExact(Math.multiplyExact((long) count, (long) rows), (long) cols);
            } catch (ArithmeticException overflow) {
                bytes = Long.MAX_VALUE;
            }
            if (bytes > MAX_BODY_BYTES) {
                throw new BadInputException(source, "the IDX header announces " + count + " images of " + rows + "x" + cols
                        + " (" + (bytes == Long.MAX_VALUE ? "more than 2^63" : Long.toString(bytes))
                        + " bytes); InfoPrune reads at most " + MAX_BODY_BYTES + " bytes of pixels");
            }
            byte[] pixels = readBody(in, source, (int) bytes,
                    "the header announces " + count + " images of " + rows + "x" + cols);
            return new Images(count, rows, cols, pixels);
        } catch (IOException e) {
            throw failure(source, e);
        }
    }

    public static int[] readLabels(InputStream raw, String source) {
        try {
            InputStream in = InputStreams.maybeGunzip(raw);
            byte[] header = readHeader(in, source, 8, LABELS_MAGIC, "labels");
            int count = dimension(source, header, 4, "label count");
            if (count > MAX_BODY_BYTES) {
                throw new BadInputException(source, "the IDX header announces " + count
                        + " labels; InfoPrune reads at most " + MAX_BODY_BYTES);
            }
            byte[] bytes = readBody(in, source, count, "the header announces " + count + " labels");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xFF;
            }
            return labels;
        } catch (IOException e) {
            throw failure(source, e);
        }
    }

    /**
     * An image file and its label file as one data set of {@code [1, rows, cols]} inputs with pixel values
     * 0..255. With {@code classes == null} the class names are "0".."k-1" for the largest label k-1.
     */
    public static Dataset readDataset(String name, Path imagesFile, Path labelsFile, List<String> classes) {
        Images images = readImages(imagesFile);
        int[] labels = readLabels(labelsFile);
        return toDataset(name, images, imagesFile.toString(), labels, labelsFile.toString(), classes);
    }

    static Dataset toDataset(String name, Images images, String imagesSource, int[] labels, String labelsSource,
                             List<String> classes) {
        if (images.count() != labels.length) {
            throw new BadInputException(labelsSource, "holds " + labels.length + " labels but " + imagesSource
                    + " holds " + images.count() + " images");
        }
        List<String> names = classes;
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        if (names == null) {
            names = java.util.stream.IntStream.rangeClosed(0, max).mapToObj(Integer::toString).toList();
        } else if (max >= names.size()) {
            throw new BadInputException(labelsSource, "holds label " + max + " but the data set has only "
                    + names.size() + " classes");
        }
        return new Dataset(name, new int[] {1, images.rows(), images.cols()}, images.asFloats(), labels, names);
    }

    private static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file, "is a folder, not an IDX file");
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "file not found", e);
        }
    }

    private static byte[] readHeader(InputStream in, String source, int length, int magic, String kind)
            throws IOException {
        byte[] header = in.readNBytes(length);
        if (header.length >= 4) {
            checkMagic(source, intAt(header, 0), magic, kind);
        }
        if (header.length < length) {
            throw new BadInputException(source, "truncated IDX file: it ends inside the " + length
                    + "-byte header (" + header.length + " bytes)");
        }
        return header;
    }

    /**
     * Reads the announced bytes without allocating them up front (a header may announce far more than the file
     * holds), then reads on to the end: a gzip stream checks its CRC and length there, and anything after the
     * announced data is refused.
     */
    private static byte[] readBody(InputStream in, String source, int length, String announced) throws IOException {
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new BadInputException(source, "truncated IDX file: " + announced + " (" + length
                    + " bytes) but only " + body.length + " bytes follow the header");
        }
        if (in.read() >= 0) {
            throw new BadInputException(source, "the file goes on after the data " + announced.replace("the header announces", "its header announces")
                    + " (" + length + " bytes): not an IDX file of that size");
        }
        return body;
    }

    private static void checkMagic(String source, int magic, int expected, String kind) {
        if (magic != expected) {
            String hint = "";
            if (magic == (expected == IMAGES_MAGIC ? LABELS_MAGIC : IMAGES_MAGIC)) {
                hint = "; this is an IDX " + (expected == IMAGES_MAGIC ? "labels" : "images") + " file";
            }
            throw new BadInputException(source, String.format("wrong IDX magic number 0x%08X (expected 0x%08X for %s%s)",
                    magic, expected, kind, hint));
        }
    }

    private static int dimension(String source, byte[] header, int offset, String what) {
        int v = intAt(header, offset);
        if (v < 0) {
            throw new BadInputException(source, "the IDX header gives a negative " + what + " (" + v + ")");
        }
        return v;
    }

    private static int intAt(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8) | (b[offset + 3] & 0xFF);
    }

    private static BadInputException failure(String source, IOException e) {
        if (e instanceof EOFException) {
            return new BadInputException(source, "truncated gzip data (" + e.getMessage() + ")", e);
        }
        if (e instanceof ZipException) {
            return new BadInputException(source, "corrupt gzip data (" + e.getMessage() + ")", e);
        }
        return new BadInputException(source, "cannot be read: " + e.getMessage(), e);
    }
}
