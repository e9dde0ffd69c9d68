package rootcause.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The versions of the libraries and models a run used, for the manifest: CoreNLP's and its models' versions as the
 * build recorded them ({@value #FILE}: the shaded jar's manifest answers for our package, not CoreNLP's), and the
 * SHA-256 of every model file read from the class path.
 */
public final class LibraryVersions {
    static final String FILE = "rootcause/versions.properties";

    private LibraryVersions() {}

    /** Library name → version: corenlp, corenlp_models, embeddings. */
    public static Map<String, String> libraries() {
        Properties p = new Properties();
        try (InputStream in = LibraryVersions.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is not on the class path (it is written by mvn package)");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : List.of("corenlp", "corenlp_models", "embeddings")) {
            out.put(name, p.getProperty(name, "unknown"));
        }
        return out;
    }

    /** Class-path resource → SHA-256 of its bytes; "missing" when the class path lacks it. */
    public static Map<String, String> sha256(List<String> resources) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String r : resources) {
            try (InputStream in = LibraryVersions.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) {
                    out.put(r, "missing");
                    continue;
                }
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                try (DigestInputStream d = new DigestInputStream(in, digest)) {
                    d.transferTo(java.io.OutputStream.nullOutputStream());
                }
                out.put(r, HexFormat.of().formatHex(digest.digest()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + r, e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
