package io.ycbridge.yclients.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static List<String> differences(String reference, String actual) throws Exception {
        return JsonShape.of(json(reference)).compare(json(actual)).stream().map(Object::toString).toList();
    }

    @Test
    void theSameFieldsInTheSameKindsAgreeWhateverTheValues() throws Exception {
        assertEquals(List.of(), differences("""
                {"id": "1", "n": 2, "ok": true, "o": {"a": "x"}, "l": [1, 2]}""", """
                {"l": [], "o": {"a": "other"}, "ok": false, "n": 7.5, "id": "99"}"""));
    }

    @Test
    void aNumberWhereTheReferenceHasAStringIsADifference() throws Exception {
        assertEquals(List.of("data[].id: NUMBER where the reference has [STRING]"),
                differences("{\"data\": [{\"id\": \"79067\"}]}", "{\"data\": [{\"id\": 79067}, {\"id\": 2}]}"));
    }

    @Test
    void missingAndUnknownFieldsAreNamedAtTheirDepth() throws Exception {
        assertEquals(List.of("data.staff.position: missing", "data.staff.bookable: not in the reference"),
                differences("{\"data\": {\"staff\": {\"id\": 1, \"position\": {\"id\": 1}}}}",
                        "{\"data\": {\"staff\": {\"id\": 1, \"bookable\": true}}}"));
    }

    @Test
    void anEmptyArrayIsNotAnEmptyObject() throws Exception {
        assertEquals(List.of("custom_fields: ARRAY where the reference has [OBJECT]"),
                differences("{\"custom_fields\": {}}", "{\"custom_fields\": []}"));
    }

    @Test
    void itemsOfAnArrayAreOneShapeAndAFieldInSomeOfThemIsOptional() throws Exception {
        String reference = """
                {"data": [{"id": "1", "staff": []},
                          {"id": "2", "staff": [{"id": "5905", "seance_length": "2700"}], "image_group": {"id": 1}}]}""";
        assertEquals(List.of(), differences(reference, "{\"data\": [{\"id\": \"3\", \"staff\": [{\"id\": \"1\", \"seance_length\": \"60\"}]}]}"));
        assertEquals(List.of("data[].staff[].seance_length: NUMBER where the reference has [STRING]"),
                differences(reference, "{\"data\": [{\"id\": \"3\", \"staff\": [{\"id\": \"1\", \"seance_length\": 60}]}]}"));
    }

    @Test
    void aPlaceMayHoldTheKindsTheExamplesShowThere() throws Exception {
        String reference = "{\"data\": [{\"position\": {\"id\": 1}}, {\"position\": []}]}";
        assertEquals(List.of(), differences(reference, "{\"data\": [{\"position\": []}, {\"position\": {\"id\": 2}}]}"));
        assertEquals(List.of("data[].position: STRING where the reference has [OBJECT, ARRAY]"),
                differences(reference, "{\"data\": [{\"position\": \"\"}]}"));
    }

    @Test
    void aNullInTheReferenceAdmitsAnyKindButANullElsewhereIsADifference() throws Exception {
        assertEquals(List.of(), differences("{\"client\": null}", "{\"client\": {\"id\": 1}}"));
        assertEquals(List.of("client: NULL where the reference has [OBJECT]"),
                differences("{\"client\": {\"id\": 1}}", "{\"client\": null}"));
    }

    @Test
    void anObjectTheExamplesOnlyShowEmptyMayHoldAnyFields() throws Exception {
        assertEquals(List.of(), differences("{\"custom_fields\": {}}", "{\"custom_fields\": {\"instagram\": \"x\"}}"));
        assertEquals(List.of("o.b: not in the reference"), differences("{\"o\": {\"a\": 1}}", "{\"o\": {\"a\": 1, \"b\": 2}}"));
    }

    @Test
    void aRequestMayLeaveOutFieldsButUseNoOthers() throws Exception {
        JsonShape request = JsonShape.of(json("""
                {"page": 1, "fields": ["id", "name"], "filters": [{"type": "quick_search", "state": {"value": "x"}},
                                                                  {"type": "id", "state": {"value": [1]}}]}"""));
        assertEquals(List.of(), request.compareAsSubset(json("{\"filters\": [{\"type\": \"quick_search\", \"state\": {\"value\": \"7916\"}}]}")));
        assertEquals(List.of("page_size: not in the reference", "filters[].state.value: NUMBER where the reference has [STRING, ARRAY]"),
                request.compareAsSubset(json("{\"page_size\": 1, \"filters\": [{\"state\": {\"value\": 7916}}]}"))
                        .stream().map(Object::toString).toList());
    }

    @Test
    void allowancesExplainDifferencesAndAnAllowanceThatExplainsNothingIsReported() throws Exception {
        List<JsonShape.Difference> found = JsonShape.of(json("{\"a\": 1, \"b\": 2}")).compare(json("{\"a\": \"1\", \"c\": 3}"));
        assertEquals(List.of("b: missing"), JsonShape.unexplained(found, Map.of("a", "why", "c", "why")));
        assertEquals(List.of("z: allowed, but the document does not differ there"),
                JsonShape.unexplained(found, Map.of("a", "", "b", "", "c", "", "z", "")));
    }
}
