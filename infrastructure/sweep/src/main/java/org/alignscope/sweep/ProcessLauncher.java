package org.alignscope.sweep;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alignscope.linalg.BlasChoice;

/**
 * Runs each cell as its own JVM on this JVM's class path, with one BLAS thread and one visible core:
 * {@code OPENBLAS_NUM_THREADS=1} and {@code OMP_NUM_THREADS=1} in its environment (OpenBLAS reads them once, when
 * the library loads, so a thread inside one process could not get its own setting) and
 * {@code -XX:ActiveProcessorCount=1} (every "default: the number of cores" of the command becomes 1). A sweep of
 * N parallel cells therefore keeps N cores busy, not N × cores. Separate processes also keep a cell that crashes,
 * runs out of memory or exits from taking the others with it, and give each cell its own log. The price is a JVM
 * start per cell (about a second here), small against any cell worth sweeping. Other environment variables (e.g.
 * {@code OPENBLAS_CORETYPE}) are inherited, and so is the BLAS choice {@code -Dalignscope.blas} ({@link BlasChoice}).
 * <p>
 * Stopping the sweep stops its cells: on SIGTERM or SIGINT a shutdown hook ends the running cells' process trees
 * ({@link CellProcesses}; the interrupted cells are not recorded, so a rerun runs them again). A sweep killed with
 * SIGKILL runs no hook, so each cell gets the sweep's pid as {@link #PARENT_PID_PROPERTY} and stops itself once its
 * parent is no longer that process.
 */
public final class ProcessLauncher implements Launcher {
    /**
     * The system property that tells a cell's JVM the pid of the sweep that started it; set only by this launcher,
     * so an {@code alignscope} started any other way never watches its parent.
     */
    public static final String PARENT_PID_PROPERTY = "alignscope.sweep.parent";

    private final String mainClass;
    private final List<String> jvmOptions;

    /** @param jvmOptions extra options for the cells' JVMs (e.g. {@code -Xmx2g}) */
    public ProcessLauncher(String mainClass, List<String> jvmOptions) {
        this.mainClass = mainClass;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The command line that starts a cell. */
    List<String> commandLine(List<String> arguments) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:ActiveProcessorCount=1");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-D" + PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        String blas = System.getProperty(BlasChoice.PROPERTY);
        if (blas != null) {
            cmd.add("-D" + BlasChoice.PROPERTY + "=" + blas);
        }
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(arguments);
        return cmd;
    }

    @Override
    public int run(List<String> arguments, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(commandLine(arguments));
        Map<String, String> env = pb.environment();
        env.put("OPENBLAS_NUM_THREADS", "1");
        env.put("OMP_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        File file = log.toFile();
        pb.redirectOutput(file);
        Process p = CellProcesses.start(pb);
        try {
            int exit = p.waitFor();
            if (CellProcesses.stopping()) {
                throw new SweepStopped();
            }
            return exit;
        } finally {
            CellProcesses.ended(p);
            if (p.isAlive()) {
                p.destroy();
            }
        }
    }
}
