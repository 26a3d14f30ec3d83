package org.alignscope.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void theProductIsRowMajorWithReadableIds() {
        Map<String, List<JsonNode>> grid = new LinkedHashMap<>();
        grid.put("optimizer.lr", List.of(F.numberNode(0.01), F.numberNode(0.02)));
        grid.put("model.init_scale", List.of(F.numberNode(1), F.numberNode(2), F.numberNode(4)));
        grid.put("optimizer.name", List.of(F.textNode("sgd")));
        List<Cell> cells = Cell.expand(grid);
        assertEquals(6, cells.size());
        assertEquals("lr=0.01_init_scale=1_name=sgd", cells.get(0).id());
        assertEquals("lr=0.01_init_scale=4_name=sgd", cells.get(2).id());
        assertEquals("lr=0.02_init_scale=1_name=sgd", cells.get(3).id());
        assertEquals(0.02, cells.get(5).values().get("optimizer.lr").doubleValue());
        assertEquals(4, cells.get(5).values().get("model.init_scale").intValue());
        for (int i = 0; i < cells.size(); i++) {
            assertEquals(i, cells.get(i).index());
        }
    }

    @Test
    void sharedLastSegmentsKeepTheWholeKeyAndOddCharactersAreReplaced() {
        Map<String, List<JsonNode>> grid = new LinkedHashMap<>();
        grid.put("model.init_scale", List.of(F.numberNode(1)));
        grid.put("data.init_scale", List.of(F.textNode("a/b c")));
        grid.put("step", List.of(F.textNode("1,0")));
        assertEquals("model.init_scale=1_data.init_scale=a-b-c_step=1-0", Cell.expand(grid).get(0).id());
    }
}
