package rootcause.model;

import rootcause.cli.RootCauseCli;

/** A deliberate arrow back up (model, the bottom floor, using the cli) for PackageDependenciesTest to catch. Test only. */
public final class UpwardArrowFixture {
    private UpwardArrowFixture() {}

    public static Class<?> up() {
        return RootCauseCli.class;
    }
}
