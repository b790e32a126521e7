package io.sentio.templates;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds visible texts that are not fully localized. A SurveyJS localizable string is an object
 * {@code {"default": en, "zh-cn": ..., "zh-tw": ...}} (locale codes as registered by survey-core 2.5.38's
 * i18n/simplified-chinese.js and traditional-chinese.js). A plain string under a localizable property
 * would show English to every respondent, so it counts as a problem.
 */
final class LocalizedTexts {

    static final Set<String> LOCALES = Set.of("default", "zh-cn", "zh-tw");

    /** SurveyJS properties that hold respondent-visible text. */
    static final Set<String> LOCALIZABLE = Set.of(
            "title", "description", "completedHtml", "completedBeforeHtml", "loadingHtml",
            "minRateDescription", "maxRateDescription", "text", "placeholder", "labelTrue", "labelFalse",
            "requiredErrorText", "otherText", "noneText", "commentText", "commentPlaceholder", "otherPlaceholder",
            "otherErrorText", "navigationTitle", "navigationDescription", "startSurveyText", "pagePrevText",
            "pageNextText", "completeText");

    /**
     * Pairs (simplified, traditional) of common characters whose two forms differ. A simplified form in a
     * zh-tw text, or a traditional form in a zh-cn text, means the text is in the wrong script.
     */
    private static final List<String> SCRIPT_PAIRS = List.of(
            "们們", "务務", "质質", "满滿", "价價", "对對", "这這", "为為", "体體", "验驗", "还還", "问問", "题題",
            "议議", "设設", "买買", "评評", "选選", "与與", "过過", "时時", "请請", "说說", "员員", "应應", "总總",
            "顾顧", "联聯", "产產", "经經", "历歷", "让讓", "简簡", "单單", "际際", "见見", "观觀", "点點", "费費",
            "处處", "办辦", "现現", "实實", "个個", "会會", "关關", "级級", "变變", "认認", "识識", "电電", "邮郵",
            "网網", "线線", "话話", "购購", "荐薦", "诉訴", "预預", "虑慮", "种種", "类類", "术術", "准準", "确確",
            "稳穩", "献獻", "贡貢", "创創", "业業", "动動", "营營", "协協", "帮幫", "进進", "将將", "谢謝", "诚誠",
            "难難", "轻輕", "详詳", "细細", "资資", "讯訊", "户戶", "频頻", "远遠", "谁誰", "从從", "么麼", "样樣");

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private LocalizedTexts() {
    }

    /** Problems found in the survey, each naming the JSON path; the root "sentio" metadata is not shown to respondents. */
    static List<String> problems(JsonObject survey) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonValue> e : survey.entrySet()) {
            if (!e.getKey().equals("sentio")) {
                walk("/" + e.getKey(), e.getKey(), e.getValue(), problems);
            }
        }
        return problems;
    }

    private static void walk(String path, String key, JsonValue value, List<String> problems) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject o = value.asJsonObject();
                if (o.containsKey("default") || LOCALIZABLE.contains(key)) {
                    checkLocalized(path, o, problems);
                    return;
                }
                o.forEach((k, v) -> walk(path + "/" + k, k, v, problems));
            }
            case ARRAY -> {
                JsonArray a = value.asJsonArray();
                for (int i = 0; i < a.size(); i++) {
                    walk(path + "/" + i, key, a.get(i), problems);
                }
            }
            case STRING -> {
                if (LOCALIZABLE.contains(key)) {
                    problems.add(path + ": plain string, not localized");
                }
            }
            default -> { }
        }
    }

    private static void checkLocalized(String path, JsonObject o, List<String> problems) {
        if (!o.keySet().equals(LOCALES)) {
            problems.add(path + ": locales " + o.keySet() + ", expected " + LOCALES);
        }
        for (String locale : LOCALES) {
            JsonValue v = o.get(locale);
            if (!(v instanceof JsonString s) || s.getString().isBlank()) {
                problems.add(path + "/" + locale + ": missing or blank");
                continue;
            }
            String text = s.getString();
            if (locale.equals("default")) {
                if (HAN.matcher(text).find()) {
                    problems.add(path + "/default: Chinese characters in the English text");
                }
                continue;
            }
            if (!HAN.matcher(text).find()) {
                problems.add(path + "/" + locale + ": no Chinese characters in \"" + text + "\"");
            }
            boolean traditional = locale.equals("zh-tw");
            for (String pair : SCRIPT_PAIRS) {
                char wrong = traditional ? pair.charAt(0) : pair.charAt(1);
                if (text.indexOf(wrong) >= 0) {
                    problems.add(path + "/" + locale + ": " + (traditional ? "simplified" : "traditional")
                            + " character " + wrong + " in \"" + text + "\"");
                }
            }
        }
    }
}
