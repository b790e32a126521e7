package io.sentio.templates;

import io.sentio.templates.TemplateFiles.TemplateFile;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** index.json is how code enumerates templates without classpath scanning, so it must match the files exactly. */
class TemplateIndexTest {

    @Test
    void listsExactlyTheTemplateFilesPresent() {
        List<String> indexed = TemplateFiles.index().stream().map(JsonValue::asJsonObject)
                .map(e -> e.getString("id") + "/" + e.getInt("version")).toList();
        List<String> present = TemplateFiles.all().stream().map(TemplateFile::toString).toList();
        assertThat(indexed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(present);
    }

    @Test
    void containsTheSixStandardTemplates() {
        assertThat(TemplateFiles.index().stream().map(e -> e.asJsonObject().getString("id")).distinct())
                .containsExactlyInAnyOrder("acsi", "ecsi", "nps", "csat", "ces", "touchpoint");
    }

    @Test
    void entriesCarryTheTemplateTitleInTheThreeLanguages() {
        Map<String, JsonObject> files = TemplateFiles.all().stream()
                .collect(Collectors.toMap(TemplateFile::toString, TemplateFile::json));
        for (JsonValue v : TemplateFiles.index()) {
            JsonObject entry = v.asJsonObject();
            assertThat(entry.keySet()).containsExactlyInAnyOrder("id", "version", "title");
            String key = entry.getString("id") + "/" + entry.getInt("version");
            JsonObject title = entry.getJsonObject("title");
            assertThat(title.keySet()).as(key).containsExactlyInAnyOrder("en", "zh-CN", "zh-TW");
            assertThat(title).as("%s: index title equals the template's sentio.title", key)
                    .isEqualTo(files.get(key).getJsonObject("sentio").getJsonObject("title"));
        }
    }
}
