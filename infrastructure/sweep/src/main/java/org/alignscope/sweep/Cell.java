package org.alignscope.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One point of a sweep's grid: its position, a readable folder name made of its settings (e.g.
 * {@code eta=0.003_m=5}) and the value of every grid key.
 */
public record Cell(int index, String id, Map<String, JsonNode> values) {

    public Cell {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The cartesian product of the grid in row-major order (the first key varies slowest). Ids name each key by
     * its last dotted segment (the whole key where two keys share it); characters other than letters, digits,
     * '.', '+' and '-' in values become '-'; an id that would repeat gets its index appended.
     */
    public static List<Cell> expand(Map<String, List<JsonNode>> grid) {
        List<String> keys = new ArrayList<>(grid.keySet());
        List<String> names = names(keys);
        int total = 1;
        for (List<JsonNode> v : grid.values()) {
            total = Math.multiplyExact(total, v.size());
        }
        List<Cell> cells = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int[] pos = new int[keys.size()];
        for (int i = 0; i < total; i++) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            StringBuilder id = new StringBuilder();
            for (int a = 0; a < keys.size(); a++) {
                JsonNode v = grid.get(keys.get(a)).get(pos[a]);
                values.put(keys.get(a), v);
                id.append(a == 0 ? "" : "_").append(names.get(a)).append('=').append(v.asText().replaceAll("[^A-Za-z0-9.+-]", "-"));
            }
            String s = ids.add(id.toString()) ? id.toString() : id + "_" + i;
            ids.add(s);
            cells.add(new Cell(i, s, values));
            for (int a = keys.size() - 1; a >= 0; a--) {
                if (++pos[a] < grid.get(keys.get(a)).size()) {
                    break;
                }
                pos[a] = 0;
            }
        }
        return cells;
    }

    private static List<String> names(List<String> keys) {
        List<String> last = keys.stream().map(k -> k.substring(k.lastIndexOf('.') + 1)).toList();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            names.add(Collections.frequency(last, last.get(i)) > 1 ? keys.get(i) : last.get(i));
        }
        return names;
    }
}
