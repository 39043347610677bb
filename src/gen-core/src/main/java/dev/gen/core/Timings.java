package dev.gen.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Milliseconds per phase of a generate run, in the order the phases ran; the benchmark reports them. */
public final class Timings {

    private final Map<String, Long> millis = Collections.synchronizedMap(new LinkedHashMap<>());

    public void record(String phase, long startNanos) {
        millis.put(phase, (System.nanoTime() - startNanos) / 1_000_000);
    }

    public Map<String, Long> asMap() {
        synchronized (millis) {
            return Map.copyOf(millis);
        }
    }

    @Override
    public String toString() {
        synchronized (millis) {
            StringBuilder text = new StringBuilder();
            millis.forEach((phase, ms) -> text.append(text.length() == 0 ? "" : ", ").append(phase).append(' ')
                    .append(ms).append(" ms"));
            return text.toString();
        }
    }
}
