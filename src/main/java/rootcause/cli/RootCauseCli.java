package rootcause.cli;
public class RootCauseCli { public static void main(String[] a) {} }
