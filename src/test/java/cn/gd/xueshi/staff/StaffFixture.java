package cn.gd.xueshi.staff;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import cn.gd.xueshi.identity.IdNumber;
import cn.gd.xueshi.support.Db;
import cn.gd.xueshi.support.Learners;

/** Fresh units, their administrators' tokens, ID numbers no other test uses, and staff files. */
final class StaffFixture {

    static final String HEADER = "姓名,身份证号,行业,职称级别,所在城市\n";
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    private StaffFixture() {
    }

    /** A new unit in Guangzhou. */
    static long employer() {
        long n = SEQ.incrementAndGet();
        return Db.number("insert into employer (name, credit_code, city_code) values (?, ?, '4401') returning id",
                "测试单位" + n, String.format("9144%014d", n));
    }

    /** A token of the unit's administrator. */
    static String admin(long employerId) {
        return Learners.token(9_000, "t-unit-admin-" + employerId, Set.of("EMPLOYER_ADMIN"), null,
                Map.of("eid", String.valueOf(employerId)));
    }

    /** A valid ID number no other test has: born 1960–1999 in Yuexiu (440104), a fresh sequence. */
    static String idNumber() {
        while (true) {
            long n = SEQ.incrementAndGet();
            String first17 = "440104" + (1960 + n % 40) + String.format("%02d%02d", 1 + n / 40 % 12, 1 + n / 480 % 28)
                    + String.format("%03d", n / 13_440 % 1000);
            String id = first17 + IdNumber.checkCharacter(first17);
            if (Db.number("select count(*) from professional where id_number = ?", id) == 0) {
                return id;
            }
        }
    }

    static byte[] csv(String rows) {
        return (HEADER + rows).getBytes(StandardCharsets.UTF_8);
    }
}
