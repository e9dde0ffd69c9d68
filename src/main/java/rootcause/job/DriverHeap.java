package rootcause.job;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * An upper bound of the driver JVM's peak heap use so far: the sum of the heap pools' peaks, which the pools need
 * not reach at the same moment (so it can exceed -Xmx). In local mode the driver is also the executor, so this
 * covers the whole job; on a cluster, executors' heaps are in Spark's own metrics.
 */
final class DriverHeap {
    private DriverHeap() {}

    static long peakMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }
}
