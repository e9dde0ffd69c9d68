package rootcause.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleTest {

    @Test
    void theLaunchersTestOfStderrWinsOverJavasTestOfStdinAndStdout() {
        assertThat(Console.stderrIsTerminal("false", true, "xterm")).as("stderr redirected to a file").isFalse();
        assertThat(Console.stderrIsTerminal("true", false, "xterm")).as("only stdout piped").isTrue();
        assertThat(Console.stderrIsTerminal(null, true, "xterm")).as("started without the launcher").isTrue();
        assertThat(Console.stderrIsTerminal(null, false, null)).isFalse();
        assertThat(Console.stderrIsTerminal("true", true, "dumb")).isFalse();
    }
}
