package io.sentio.bench;

import com.ibm.icu.text.Transliterator;
import io.sentio.search.entity.CommentDocument;
import io.sentio.search.entity.CommentSource;
import io.sentio.search.entity.ScoreBand;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded generator of realistic mixed English / simplified / traditional Chinese customer comments for
 * benchmarks: comment {@code i} depends only on the seed and {@code i}, so any range can be generated
 * by any thread and re-generated identically. Roughly 55% English, 30% simplified, 15% traditional
 * Chinese; 8 touchpoints with unequal shares; dates spread over two years; 1-3 clauses per comment drawn
 * from service, delivery, refund, phone, app and store phrases, plus a long tail of product codes so the
 * vocabulary is not tiny.
 */
public final class CommentCorpus {

    static final String[] TOUCHPOINTS = {"web", "app", "store", "phone", "email", "chat", "sms", "community"};
    private static final double[] TOUCHPOINT_SHARE = {0.25, 0.2, 0.15, 0.15, 0.1, 0.08, 0.04, 0.03};
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = 730L * 86_400;

    private static final String[] EN_SUBJECTS = {"The delivery", "My refund", "The agent on the phone", "The app",
            "The store staff", "Checkout", "The chat support", "The courier", "The invoice", "The return process",
            "The hotline", "The website", "The technician", "My order", "The replacement", "Customer service",
            "The manager", "The packaging", "The loyalty program", "The survey"};
    private static final String[] EN_PREDICATES = {"was quick", "took two weeks", "was rude", "crashed again",
            "was very helpful", "never arrived", "is confusing", "was excellent", "was refunded after ten days",
            "kept me on hold for forty minutes", "was friendly and professional", "was late again",
            "solved my problem", "charged me twice", "was not helpful at all", "works perfectly",
            "was damaged", "is much better after the update", "ignored my emails", "was smooth and easy",
            "could not find my order", "apologised and fixed it", "is too expensive", "was clean and tidy",
            "made me wait at the counter", "gave me the wrong size", "was polite", "keeps logging me out",
            "sent a confirmation right away", "was a nightmare"};
    private static final String[] EN_TAILS = {"", "", "", " Thank you!", " Very disappointed.", " I will order again.",
            " Not happy.", " Great job.", " Please fix this.", " Highly recommend."};

    private static final String[] ZH_SUBJECTS = {"快递", "退款", "电话客服", "这个APP", "门店店员", "结账", "在线客服",
            "快递员", "发票", "退货流程", "热线", "网站", "维修师傅", "我的订单", "换的新货", "客服", "经理", "包装",
            "会员活动", "问卷"};
    private static final String[] ZH_PREDICATES = {"很快", "用了两个星期", "态度很差", "又闪退了", "非常有帮助",
            "一直没到", "很麻烦", "非常好", "十天后才退款", "让我等了四十分钟", "热情又专业", "又晚了",
            "解决了我的问题", "扣了我两次钱", "一点帮助都没有", "用起来很好", "有破损", "更新以后好用多了",
            "不回我的邮件", "很顺利很方便", "找不到我的订单", "道歉并且处理好了", "太贵了", "干净整洁",
            "让我在柜台等了很久", "发错了尺码", "很有礼貌", "老是让我重新登录", "马上发了确认邮件", "简直是噩梦"};
    private static final String[] ZH_TAILS = {"", "", "", "谢谢！", "非常失望。", "下次还会再买。", "不满意。",
            "做得好。", "请尽快处理。", "强烈推荐。"};
    private static final String[] TW_SUBJECTS = traditional(ZH_SUBJECTS);
    private static final String[] TW_PREDICATES = traditional(ZH_PREDICATES);
    private static final String[] TW_TAILS = traditional(ZH_TAILS);

    private final long seed;

    public CommentCorpus(long seed) {
        this.seed = seed;
    }

    private static String[] traditional(String[] simplified) {
        Transliterator s2t = Transliterator.getInstance("Simplified-Traditional");
        return Arrays.stream(simplified).map(s2t::transliterate).toArray(String[]::new);
    }

    /** The i-th comment. */
    public CommentDocument comment(long i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        double lang = r.nextDouble();
        String tag = lang < 0.55 ? "en" : lang < 0.85 ? "zh-CN" : "zh-TW";
        int clauses = 1 + r.nextInt(3);
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < clauses; c++) {
            switch (tag) {
                case "en" -> text.append(c > 0 ? " " : "").append(pick(r, EN_SUBJECTS)).append(' ')
                        .append(pick(r, EN_PREDICATES)).append('.');
                case "zh-CN" -> text.append(pick(r, ZH_SUBJECTS)).append(pick(r, ZH_PREDICATES)).append('，');
                default -> text.append(pick(r, TW_SUBJECTS)).append(pick(r, TW_PREDICATES)).append('，');
            }
        }
        if (r.nextInt(4) == 0) {
            text.append(tag.equals("en") ? " Model " : "型号").append("X").append(r.nextInt(5000));
        }
        text.append(switch (tag) {
            case "en" -> pick(r, EN_TAILS);
            case "zh-CN" -> pick(r, ZH_TAILS);
            default -> pick(r, TW_TAILS);
        });
        double s = r.nextDouble();
        String touchpoint = TOUCHPOINTS[TOUCHPOINTS.length - 1];
        for (int t = 0; t < TOUCHPOINTS.length; t++) {
            s -= TOUCHPOINT_SHARE[t];
            if (s < 0) {
                touchpoint = TOUCHPOINTS[t];
                break;
            }
        }
        double src = r.nextDouble();
        CommentSource source = src < 0.8 ? CommentSource.RESPONSE : src < 0.9 ? CommentSource.POST
                : src < 0.95 ? CommentSource.REPLY : CommentSource.INTERACTION;
        String id = "c" + i;
        ScoreBand band = source == CommentSource.RESPONSE ? ScoreBand.ofNps(r.nextInt(11)) : ScoreBand.NONE;
        return new CommentDocument(id, source, source == CommentSource.RESPONSE ? "r" + i : null, "d" + r.nextInt(40),
                touchpoint, tag, START.plusSeconds(r.nextLong(SPAN_SECONDS)), band, null,
                r.nextInt(3) == 0 ? null : "cust" + r.nextInt(200_000), null, text.toString());
    }

    private static String pick(SplittableRandom r, String[] pool) {
        return pool[r.nextInt(pool.length)];
    }
}
