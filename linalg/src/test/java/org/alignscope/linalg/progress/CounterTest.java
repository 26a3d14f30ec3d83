package org.alignscope.linalg.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CounterTest {
    @Test
    void countsFromManyThreadsAndNeverPassesTheTotal() {
        List<Long> seen = new ArrayList<>();
        Progress sink = (done, total) -> {
            synchronized (seen) {
                seen.add(done);
            }
        };
        Counter c = sink.counter(1000);
        IntStream.range(0, 800).parallel().forEach(i -> c.add(1));
        assertEquals(800, c.done());
        c.add(500);
        assertEquals(1000, c.done());
        assertEquals(0L, seen.get(0));
        assertEquals(1000L, seen.stream().mapToLong(Long::longValue).max().getAsLong());
        assertEquals(802, seen.size());
    }
}
