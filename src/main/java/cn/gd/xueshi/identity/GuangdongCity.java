package cn.gd.xueshi.identity;

import java.util.Map;

/** Guangdong's 21 prefecture cities by their GB/T 2260 prefix. */
public final class GuangdongCity {

    public static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("4401", "广州"), Map.entry("4402", "韶关"), Map.entry("4403", "深圳"),
            Map.entry("4404", "珠海"), Map.entry("4405", "汕头"), Map.entry("4406", "佛山"),
            Map.entry("4407", "江门"), Map.entry("4408", "湛江"), Map.entry("4409", "茂名"),
            Map.entry("4412", "肇庆"), Map.entry("4413", "惠州"), Map.entry("4414", "梅州"),
            Map.entry("4415", "汕尾"), Map.entry("4416", "河源"), Map.entry("4417", "阳江"),
            Map.entry("4418", "清远"), Map.entry("4419", "东莞"), Map.entry("4420", "中山"),
            Map.entry("4451", "潮州"), Map.entry("4452", "揭阳"), Map.entry("4453", "云浮"));

    private GuangdongCity() {
    }

    /** The city's name followed by 市, or the code itself when it names no city. */
    public static String name(String code) {
        String name = code == null ? null : NAMES.get(code);
        return name == null ? String.valueOf(code) : name + "市";
    }

    public static boolean isCity(String code) {
        return code != null && NAMES.containsKey(code);
    }
}
