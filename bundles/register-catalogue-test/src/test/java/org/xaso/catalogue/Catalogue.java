package org.xaso.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.xaso.api.register.CodeList;
import org.xaso.engine.internal.descriptor.DescriptorException;
import org.xaso.engine.internal.descriptor.DescriptorReader;

/**
 * The catalogue of Appendix IV (docs/catalog/registers.tsv) and the descriptors the eight domain bundles ship, read
 * the way the engine's extender reads them: each bundle's own code lists plus the engine's built-in ones.
 */
final class Catalogue {

    static final List<String> DOMAINS = List.of("agriculture", "commerce", "land-environment", "urban", "investment",
            "finance", "culture-society", "internal-affairs");

    /** One row of the catalogue. */
    record Row(String id, String seedCode, String domain, String nameVi, String nameEn, boolean crud, boolean onestopLink,
               boolean excelImport, String externalSource, boolean autoAggregate, boolean criteriaSet) {
    }

    /** A register as its bundle ships it. */
    record Shipped(String domain, DescriptorReader.Parsed parsed) {
    }

    /** A code list as a bundle ships it. */
    record ShippedList(String bundle, CodeList list) {
    }

    private static Path root() {
        Path p = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("docs/catalog"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root (with docs/catalog) not found above " + System.getProperty("basedir"));
        }
        return p;
    }

    static List<Row> rows() {
        try {
            List<String> lines = Files.readAllLines(root().resolve("docs/catalog/registers.tsv"), StandardCharsets.UTF_8);
            List<Row> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                out.add(new Row(c[0], c[1], c[2], c[5], c[6], yes(c[7]), yes(c[8]), yes(c[9]),
                        "-".equals(c[10]) ? null : c[10], yes(c[11]), yes(c[12])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean yes(String s) {
        return "yes".equals(s);
    }

    static Path bundleResources(String domain) {
        return root().resolve("bundles/register-" + domain + "/src/main/resources/xaso");
    }

    static Map<String, CodeList> builtInLists() {
        return readLists(root().resolve("bundles/engine/src/main/resources/xaso/codelists"));
    }

    static List<ShippedList> shippedLists() {
        List<ShippedList> out = new ArrayList<>();
        for (String domain : DOMAINS) {
            readLists(bundleResources(domain).resolve("codelists")).values().forEach(l -> out.add(new ShippedList(domain, l)));
        }
        return out;
    }

    static Map<String, CodeList> readLists(Path dir) {
        Map<String, CodeList> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        DescriptorReader reader = new DescriptorReader();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    CodeList l = reader.readCodeList(p.toString(), in);
                    out.put(l.id(), l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DescriptorException e) {
            throw new AssertionError("code list refused: " + e.getMessage(), e);
        }
        return out;
    }

    /** Every register of the eight bundles; a descriptor the engine would refuse fails with the reader's message. */
    static List<Shipped> registers() {
        Map<String, CodeList> builtIn = builtInLists();
        DescriptorReader reader = new DescriptorReader();
        List<Shipped> out = new ArrayList<>();
        for (String domain : DOMAINS) {
            Map<String, CodeList> lists = new LinkedHashMap<>(builtIn);
            lists.putAll(readLists(bundleResources(domain).resolve("codelists")));
            Path dir = bundleResources(domain).resolve("registers");
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.sorted().toList()) {
                    try (InputStream in = Files.newInputStream(p)) {
                        out.add(new Shipped(domain, reader.readRegister(p.toString(), in, lists::get)));
                    } catch (DescriptorException e) {
                        throw new AssertionError("descriptor refused: " + e.getMessage(), e);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private Catalogue() {
    }
}
