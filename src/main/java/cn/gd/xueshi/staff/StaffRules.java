package cn.gd.xueshi.staff;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import cn.gd.xueshi.identity.GuangdongCity;
import cn.gd.xueshi.identity.IdNumber;
import cn.gd.xueshi.identity.Person;
import cn.gd.xueshi.identity.Sector;
import cn.gd.xueshi.identity.TitleLevel;
import cn.gd.xueshi.shared.sheet.SheetRow;

/**
 * Decides whether what a unit states about one person (a row of the staff file, or the form) is a
 * person, and if not, why (in Chinese). Plain Java. Fields are trimmed; none may hold a control
 * character or half a surrogate pair.
 */
public final class StaffRules {

    public static final int MAX_NAME = 100;
    static final String SECTORS = Arrays.stream(Sector.values()).map(s -> s.name() + "（" + s.label + "）")
            .collect(Collectors.joining("、"));
    static final String LEVELS = Arrays.stream(TitleLevel.values()).map(l -> l.label).collect(Collectors.joining("、"));

    /** A row or request that is not a person; the message says why. */
    public static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private StaffRules() {
    }

    public static Person person(String name, String idNumber, String sector, String titleLevel, String city, LocalDate today)
            throws Refused {
        checkCharacters("姓名", name);
        checkCharacters("身份证号", idNumber);
        checkCharacters("行业", sector);
        checkCharacters("职称级别", titleLevel);
        checkCharacters("所在城市", city);
        String n = strip(name);
        if (n.isEmpty()) {
            throw new Refused("姓名为空。");
        }
        int length = n.codePointCount(0, n.length());
        if (length > MAX_NAME) {
            throw new Refused("姓名超过 " + MAX_NAME + " 个字符（现有 " + length + " 个）。");
        }
        String raw = strip(idNumber);
        if (raw.matches("\\d(\\.\\d+)?[Ee]\\+?\\d+")) {
            throw new Refused("身份证号被 Excel 显示为科学计数法（" + SheetRow.shown(raw) + "），请将该列设为“文本”格式后重新填写。");
        }
        IdNumber.Result id = IdNumber.parse(raw, today);
        if (id.id().isEmpty()) {
            throw new Refused(id.refusal());
        }
        String s = strip(sector);
        Sector parsedSector = Sector.parse(s);
        if (parsedSector == null) {
            throw new Refused(s.isEmpty() ? "行业为空，应为：" + SECTORS + "。" : "行业“" + SheetRow.shown(s) + "”无效，应为：" + SECTORS + "。");
        }
        String t = strip(titleLevel);
        TitleLevel level = TitleLevel.parse(t);
        if (level == null) {
            throw new Refused(t.isEmpty() ? "职称级别为空，应为：" + LEVELS + "。" : "职称级别“" + SheetRow.shown(t) + "”无效，应为：" + LEVELS + "。");
        }
        return new Person(n, id.id().get(), parsedSector, level, city(strip(city)));
    }

    /** A city by its code (4401) or its name, with or without 市 (广州, 广州市). */
    static String city(String city) throws Refused {
        if (GuangdongCity.isCity(city)) {
            return city;
        }
        String name = city.endsWith("市") ? city.substring(0, city.length() - 1) : city;
        for (Map.Entry<String, String> e : GuangdongCity.NAMES.entrySet()) {
            if (e.getValue().equals(name)) {
                return e.getKey();
            }
        }
        throw new Refused(city.isEmpty() ? "所在城市为空，应为广东省地级市代码，如 4401（广州）。"
                : "所在城市“" + SheetRow.shown(city) + "”不是广东省的地级市，应为地市代码，如 4401（广州）。");
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static void checkCharacters(String field, String text) throws Refused {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw new Refused(field + "含有控制字符（如换行、制表符），请删除后重试。");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Refused(field + "含有无效的字符（不成对的 UTF-16 代理项）。");
            }
        }
    }
}
