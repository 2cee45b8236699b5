package dev.infoprune.core;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a whole zip archive (an {@code .npz}, a session file) from memory the way a careful reader must: the
 * end-of-central-directory record and the central directory have to be present and consistent (as Python's
 * {@code zipfile}, and so NumPy, require), every entry's declared size is checked against a maximum before it
 * is read, the entries read in order must be the ones the directory lists, and no entry may hold more than it
 * declares. Every problem is a {@link BadInputException} naming {@code source}.
 */
public final class ZipArchive {
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;

    /** The archive's structure is damaged: truncated, or inconsistent with itself. */
    public static final class Damaged extends BadInputException {
        private final String detail;

        Damaged(String source, String detail) {
            super(source, "is not a complete zip archive (" + detail + ")");
            this.detail = detail;
        }

        /** What is wrong, without the source. */
        public String detail() {
            return detail;
        }
    }

    /** True when the bytes begin like a zip archive (a local entry header, or an empty archive's end record). */
    public static boolean looksLikeZip(byte[] b) {
        return b.length >= 4 && (i32(b, 0) == LOCAL || i32(b, 0) == EOCD);
    }

    /** One entry as the central directory lists it. */
    public record Entry(String name, long size, long compressedSize) {
    }

    private ZipArchive() {
    }

    /** The central directory's entries, after checking that the directory is complete and consistent. */
    public static List<Entry> directory(byte[] zip, String source) {
        int eocd = findEndRecord(zip);
        if (eocd < 0) {
            throw new Damaged(source, "the end of its central directory is missing: truncated, or not a zip file");
        }
        long entries = u16(zip, eocd + 10);
        long cdSize = u32(zip, eocd + 12);
        long cdOffset = u32(zip, eocd + 16);
        long cdEnd = eocd;
        if (entries == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            int locator = eocd - 20;
            if (locator < 0 || i32(zip, locator) != ZIP64_LOCATOR) {
                throw damaged(source, "its zip64 end record locator is missing");
            }
            long record = u64(zip, locator + 8);
            if (record < 0 || record > locator - 56 || i32(zip, (int) record) != ZIP64_EOCD) {
                throw damaged(source, "its zip64 end record is missing");
            }
            entries = u64(zip, (int) record + 32);
            cdSize = u64(zip, (int) record + 40);
            cdOffset = u64(zip, (int) record + 48);
            cdEnd = record;
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize != cdEnd) {
            throw damaged(source, "its central directory (" + cdSize + " bytes at offset " + cdOffset
                    + ") does not end where its end record begins (offset " + cdEnd + ")");
        }
        if (entries > cdSize / 46) {
            throw damaged(source, "its end record declares " + entries + " entries, more than the central directory holds");
        }
        List<Entry> out = new ArrayList<>();
        int p = (int) cdOffset;
        for (long i = 0; i < entries; i++) {
            if (p + 46 > cdEnd || i32(zip, p) != CENTRAL) {
                throw damaged(source, "central directory entry " + (i + 1) + " of " + entries + " is missing");
            }
            int nameLength = u16(zip, p + 28);
            int extraLength = u16(zip, p + 30);
            int commentLength = u16(zip, p + 32);
            int next = p + 46 + nameLength + extraLength + commentLength;
            if (next > cdEnd) {
                throw damaged(source, "central directory entry " + (i + 1) + " runs past the directory's end");
            }
            String name = new String(zip, p + 46, nameLength, java.nio.charset.StandardCharsets.UTF_8);
            long compressed = u32(zip, p + 20);
            long size = u32(zip, p + 24);
            long local = u32(zip, p + 42);
            long[] zip64 = zip64Values(zip, p + 46 + nameLength, extraLength);
            int k = 0;
            if (size == 0xFFFFFFFFL) {
                size = k < zip64.length ? zip64[k++] : -1;
            }
            if (compressed == 0xFFFFFFFFL) {
                compressed = k < zip64.length ? zip64[k++] : -1;
            }
            if (local == 0xFFFFFFFFL) {
                local = k < zip64.length ? zip64[k] : -1;
            }
            if (size < 0 || compressed < 0 || local < 0 || local + 30 > cdOffset || i32(zip, (int) local) != LOCAL) {
                throw damaged(source, "central directory entry " + name + " points at no local entry");
            }
            if (compressed > cdOffset - local) {
                throw damaged(source, "entry " + name + " declares " + compressed + " compressed bytes, more than the archive holds");
            }
            out.add(new Entry(name, size, compressed));
            p = next;
        }
        if (p != cdEnd) {
            throw damaged(source, "its central directory holds more than the " + entries + " entries it declares");
        }
        return out;
    }

    /**
     * Every entry's bytes, keyed by name in archive order, after {@link #directory} and with the declared sizes
     * checked against {@code maxBytes} (each entry, and all together) before anything is read.
     */
    public static Map<String, byte[]> entries(byte[] zip, String source, long maxBytes) {
        List<Entry> listed = directory(zip, source);
        long total = 0;
        for (Entry e : listed) {
            if (e.size() > maxBytes) {
                throw new BadInputException(source, "entry " + e.name() + " declares " + e.size()
                        + " bytes; InfoPrune reads entries of at most " + maxBytes + " bytes");
            }
            total += e.size();
            if (total > maxBytes) {
                throw new BadInputException(source, "its entries declare more than " + maxBytes
                        + " bytes in all, the most InfoPrune reads from one archive");
            }
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            int i = 0;
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry(), i++) {
                if (i >= listed.size() || !listed.get(i).name().equals(e.getName())) {
                    throw damaged(source, "entry " + e.getName() + " is not the one its central directory lists at place "
                            + (i + 1));
                }
                long declared = listed.get(i).size();
                byte[] bytes = in.readNBytes((int) declared + 1);
                if (bytes.length != declared) {
                    throw damaged(source, "entry " + e.getName() + " holds " + (bytes.length > declared ? "more" : bytes.length)
                            + " bytes where its central directory declares " + declared);
                }
                if (out.put(e.getName(), bytes) != null) {
                    throw damaged(source, "it holds two entries named " + e.getName());
                }
            }
            if (i != listed.size()) {
                throw damaged(source, "its central directory lists " + listed.size() + " entries but " + i + " can be read");
            }
        } catch (ZipException | EOFException e) {
            throw damaged(source, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw damaged(source, "an entry name is not valid UTF-8 (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new BadInputException(source, "cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    private static Damaged damaged(String source, String problem) {
        return new Damaged(source, problem);
    }

    private static int findEndRecord(byte[] b) {
        for (int p = b.length - 22; p >= 0 && p >= b.length - 22 - 0xFFFF; p--) {
            if (i32(b, p) == EOCD && p + 22 + u16(b, p + 20) == b.length) {
                return p;
            }
        }
        return -1;
    }

    private static long[] zip64Values(byte[] b, int start, int length) {
        int p = start;
        while (p + 4 <= start + length) {
            int id = u16(b, p);
            int size = u16(b, p + 2);
            if (id == 0x0001) {
                int n = Math.min(size, start + length - p - 4) / 8;
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = u64(b, p + 4 + 8 * i);
                }
                return v;
            }
            p += 4 + size;
        }
        return new long[0];
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static int i32(byte[] b, int p) {
        if (p < 0 || p + 4 > b.length) {
            return 0;
        }
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }

    private static long u32(byte[] b, int p) {
        return i32(b, p) & 0xFFFFFFFFL;
    }

    private static long u64(byte[] b, int p) {
        if (p < 0 || p + 8 > b.length) {
            return -1;
        }
        return u32(b, p) | u32(b, p + 4) << 32;
    }
}
