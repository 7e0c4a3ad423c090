package cn.gd.xueshi.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.gd.xueshi.identity.Level;
import cn.gd.xueshi.identity.Role;
import cn.gd.xueshi.identity.Scope;
import cn.gd.xueshi.identity.Sector;

class ReviewRulesTest {

    private final ReviewPolicy courses = ReviewPolicy.of(ReviewKind.COURSE);
    private final ReviewSubject publicCourse = new ReviewSubject(ReviewKind.COURSE, 1, Scope.PROVINCE);
    private final ReviewSubject engineeringCourse = new ReviewSubject(ReviewKind.COURSE, 1, Scope.province(Sector.ENGINEERING));
    private final Actor editor = new Actor(1, Set.of(Role.EDITOR), Scope.PROVINCE);
    private final Actor otherEditor = new Actor(2, Set.of(Role.EDITOR), Scope.PROVINCE);
    private final Actor provinceHr = new Actor(3, Set.of(Role.HR_ADMIN), Scope.PROVINCE);
    private final Actor cityHr = new Actor(4, Set.of(Role.HR_ADMIN), Scope.city("4401", null));
    private final Actor engineeringReviewer = new Actor(5, Set.of(Role.AUTHORITY_REVIEWER), Scope.province(Sector.ENGINEERING));
    private final Actor healthReviewer = new Actor(6, Set.of(Role.AUTHORITY_REVIEWER), Scope.province(Sector.HEALTH));

    @Test
    void aDraftIsSubmittedThenApprovedOrReturnedAndAReturnedItemIsSubmittedAgain() {
        assertEquals(ReviewState.SUBMITTED, ReviewFlow.next(ReviewState.DRAFT, ReviewAction.SUBMIT).to());
        assertEquals(ReviewState.APPROVED, ReviewFlow.next(ReviewState.SUBMITTED, ReviewAction.APPROVE).to());
        assertEquals(ReviewState.RETURNED, ReviewFlow.next(ReviewState.SUBMITTED, ReviewAction.RETURN).to());
        assertEquals(ReviewState.SUBMITTED, ReviewFlow.next(ReviewState.RETURNED, ReviewAction.SUBMIT).to());
    }

    @Test
    void everyOtherStepIsRefusedWithAReason() {
        assertRefused(ReviewState.SUBMITTED, ReviewAction.SUBMIT, "已提交审核，请等待审核结果。");
        assertRefused(ReviewState.APPROVED, ReviewAction.SUBMIT, "已审核通过，不能再次提交；如需修改请创建新版本。");
        assertRefused(ReviewState.DRAFT, ReviewAction.APPROVE, "尚未提交审核，不能审核。");
        assertRefused(ReviewState.DRAFT, ReviewAction.RETURN, "尚未提交审核，不能审核。");
        assertRefused(ReviewState.RETURNED, ReviewAction.APPROVE, "已退回修改，待重新提交后才能审核。");
        assertRefused(ReviewState.RETURNED, ReviewAction.RETURN, "已退回修改，待重新提交后才能审核。");
        assertRefused(ReviewState.APPROVED, ReviewAction.APPROVE, "已审核通过，不能再次审核。");
        assertRefused(ReviewState.APPROVED, ReviewAction.RETURN, "已审核通过，不能再次审核。");
    }

    private static void assertRefused(ReviewState from, ReviewAction action, String why) {
        ReviewFlow.Step step = ReviewFlow.next(from, action);
        assertFalse(step.allowed());
        assertNull(step.to());
        assertEquals(why, step.refusal());
    }

    @Test
    void onlyTheCoursesOwnEditorSubmitsIt() {
        assertNull(courses.refusal(editor, publicCourse, ReviewAction.SUBMIT));
        assertEquals("只有课程的编辑可以提交审核。", courses.refusal(otherEditor, publicCourse, ReviewAction.SUBMIT));
        assertEquals("只有课程的编辑可以提交审核。", courses.refusal(new Actor(1, Set.of(Role.HR_ADMIN), Scope.PROVINCE),
                publicCourse, ReviewAction.SUBMIT));
    }

    @Test
    void publicCoursesAreDecidedByTheProvincialHrDepartmentOnly() {
        assertNull(courses.refusal(provinceHr, publicCourse, ReviewAction.APPROVE));
        assertNull(courses.refusal(provinceHr, publicCourse, ReviewAction.RETURN));
        for (Actor other : new Actor[] {cityHr, engineeringReviewer, otherEditor}) {
            assertEquals("公需课程由省人力资源社会保障部门审核。", courses.refusal(other, publicCourse, ReviewAction.APPROVE));
        }
    }

    @Test
    void professionalCoursewareIsDecidedByAReviewerOfItsSectorWhoseRegionCoversIt() {
        assertNull(courses.refusal(engineeringReviewer, engineeringCourse, ReviewAction.APPROVE));
        assertEquals("该课程由工程技术行业主管部门审核。", courses.refusal(healthReviewer, engineeringCourse, ReviewAction.APPROVE));
        assertEquals("该课程由工程技术行业主管部门审核。", courses.refusal(provinceHr, engineeringCourse, ReviewAction.RETURN));
        Actor cantonReviewer = new Actor(7, Set.of(Role.AUTHORITY_REVIEWER), Scope.city("4401", Sector.ENGINEERING));
        assertEquals("该课程由工程技术行业主管部门审核。", courses.refusal(cantonReviewer, engineeringCourse, ReviewAction.APPROVE));
        ReviewSubject cantonCourse = new ReviewSubject(ReviewKind.COURSE, 1, Scope.city("4401", Sector.ENGINEERING));
        assertNull(courses.refusal(cantonReviewer, cantonCourse, ReviewAction.APPROVE));
        assertNull(courses.refusal(engineeringReviewer, cantonCourse, ReviewAction.APPROVE));
        Actor shenzhenReviewer = new Actor(8, Set.of(Role.AUTHORITY_REVIEWER), Scope.city("4403", Sector.ENGINEERING));
        assertEquals("该课程由工程技术行业主管部门审核。", courses.refusal(shenzhenReviewer, cantonCourse, ReviewAction.APPROVE));
    }

    @Test
    void nobodyDecidesTheirOwnItemWhateverTheirRoles() {
        Actor editorAndHr = new Actor(1, Set.of(Role.EDITOR, Role.HR_ADMIN), Scope.PROVINCE);
        assertEquals("不能审核自己提交的内容。", courses.refusal(editorAndHr, publicCourse, ReviewAction.APPROVE));
        assertEquals("不能审核自己提交的内容。", courses.refusal(editorAndHr, publicCourse, ReviewAction.RETURN));
    }

    @Test
    void aCityScopeNeedsOneOfTheTwentyOneCitiesAndSeesOnlyItself() {
        assertThrows(IllegalArgumentException.class, () -> Scope.city("4410", null));
        assertThrows(IllegalArgumentException.class, () -> Scope.city(null, null));
        assertTrue(Scope.PROVINCE.regionCovers(Scope.city("4419", null)));
        assertTrue(Scope.city("4419", null).regionCovers(Scope.city("4419", Sector.HEALTH)));
        assertFalse(Scope.city("4419", null).regionCovers(Scope.city("4420", null)));
        assertFalse(Scope.city("4419", null).regionCovers(Scope.PROVINCE));
    }

    private final ReviewPolicy declarations = ReviewPolicy.of(ReviewKind.DECLARATION);
    private static final Scope UNIT_7 = new Scope(Level.CITY, "4401", Sector.ENGINEERING, 7L);
    private final ReviewSubject declaration = new ReviewSubject(ReviewKind.DECLARATION, 20, UNIT_7);
    private final Actor declarant = new Actor(20, Set.of(Role.PROFESSIONAL), new Scope(null, null, null, 7L));
    private final Actor unit7Admin = new Actor(21, Set.of(Role.EMPLOYER_ADMIN), new Scope(null, null, null, 7L));
    private final Actor unit8Admin = new Actor(22, Set.of(Role.EMPLOYER_ADMIN), new Scope(null, null, null, 8L));

    @Test
    void theDeclarantSubmitsTheirDeclarationAndNobodyElse() {
        assertNull(declarations.refusal(declarant, declaration, ReviewAction.SUBMIT));
        String only = "只有申报人本人可以提交学时申报。";
        assertEquals(only, declarations.refusal(unit7Admin, declaration, ReviewAction.SUBMIT));
        Actor ownerWithoutTheRole = new Actor(20, Set.of(Role.EMPLOYER_ADMIN), new Scope(null, null, null, 7L));
        assertEquals(only, declarations.refusal(ownerWithoutTheRole, declaration, ReviewAction.SUBMIT));
    }

    @Test
    void anAdministratorOfTheDeclarationsUnitDecidesItAndNoOtherUnitOrRole() {
        for (ReviewAction decision : List.of(ReviewAction.APPROVE, ReviewAction.RETURN)) {
            assertNull(declarations.refusal(unit7Admin, declaration, decision));
            String other = "学时申报由申报人所在单位的管理员确认。";
            assertEquals(other, declarations.refusal(unit8Admin, declaration, decision));
            assertEquals(other, declarations.refusal(new Actor(23, Set.of(Role.EMPLOYER_ADMIN), new Scope(null, null, null, null)),
                    declaration, decision));
            assertEquals(other, declarations.refusal(new Actor(24, Set.of(Role.HR_ADMIN), new Scope(Level.PROVINCE, null, null, 7L)),
                    declaration, decision));
            assertEquals(other, declarations.refusal(provinceHr, declaration, decision));
            assertEquals(other, declarations.refusal(new Actor(25, Set.of(Role.EMPLOYER_ADMIN), new Scope(null, null, null, 7L)),
                    new ReviewSubject(ReviewKind.DECLARATION, 20, new Scope(Level.CITY, "4401", Sector.ENGINEERING, null)), decision));
        }
    }

    @Test
    void anAdministratorWhoDeclaresIsDecidedByAnotherAdministratorOfTheUnitNeverThemselves() {
        Actor adminWhoDeclares = new Actor(20, Set.of(Role.PROFESSIONAL, Role.EMPLOYER_ADMIN), new Scope(null, null, null, 7L));
        assertNull(declarations.refusal(adminWhoDeclares, declaration, ReviewAction.SUBMIT));
        assertEquals("不能确认自己申报的学时，请由本单位其他管理员确认。",
                declarations.refusal(adminWhoDeclares, declaration, ReviewAction.APPROVE));
        assertNull(declarations.refusal(unit7Admin, declaration, ReviewAction.APPROVE));
        assertEquals(Role.PROFESSIONAL, declarations.role(null, declaration, ReviewAction.SUBMIT));
        assertEquals(Role.EMPLOYER_ADMIN, declarations.role(null, declaration, ReviewAction.APPROVE));
        assertEquals(Role.EMPLOYER_ADMIN, declarations.role(null, declaration, ReviewAction.RETURN));
    }

    @Test
    void theRecordNamesTheRoleInWhichThePolicyLetsEachActorAct() {
        assertEquals(Role.EDITOR, courses.role(null, publicCourse, ReviewAction.SUBMIT));
        assertEquals(Role.EDITOR, courses.role(null, engineeringCourse, ReviewAction.SUBMIT));
        assertEquals(Role.HR_ADMIN, courses.role(null, publicCourse, ReviewAction.APPROVE));
        assertEquals(Role.HR_ADMIN, courses.role(null, publicCourse, ReviewAction.RETURN));
        assertEquals(Role.AUTHORITY_REVIEWER, courses.role(null, engineeringCourse, ReviewAction.APPROVE));
        assertEquals(Role.AUTHORITY_REVIEWER, courses.role(null, engineeringCourse, ReviewAction.RETURN));
    }

    @Test
    void aStaffAccountWithoutAScopeDecidesNothing() {
        Actor unplacedHr = new Actor(8, Set.of(Role.HR_ADMIN), new Scope(null, null, null, null));
        Actor unplacedReviewer = new Actor(9, Set.of(Role.AUTHORITY_REVIEWER), new Scope(null, null, Sector.ENGINEERING, null));
        assertEquals("公需课程由省人力资源社会保障部门审核。", courses.refusal(unplacedHr, publicCourse, ReviewAction.APPROVE));
        assertEquals("该课程由工程技术行业主管部门审核。", courses.refusal(unplacedReviewer, engineeringCourse, ReviewAction.APPROVE));
    }

    private final ReviewPolicy plans = ReviewPolicy.of(ReviewKind.CLASS_PLAN);
    private static final Scope SZ_HEALTH = new Scope(Level.CITY, "4403", Sector.HEALTH, null);
    private final ReviewSubject cityPlan = new ReviewSubject(ReviewKind.CLASS_PLAN, 30, SZ_HEALTH);
    private final ReviewSubject employerPlan = new ReviewSubject(ReviewKind.CLASS_PLAN, 31,
            new Scope(Level.PROVINCE, null, Sector.HEALTH, 9L));
    private final Actor szHealthReviewer = new Actor(40, Set.of(Role.AUTHORITY_REVIEWER), SZ_HEALTH);

    @Test
    void aClassPlanIsSubmittedByWhoeverFiledItAndNobodyElse() {
        assertNull(plans.refusal(new Actor(30, Set.of(Role.AUTHORITY_REVIEWER), SZ_HEALTH), cityPlan, ReviewAction.SUBMIT));
        assertNull(plans.refusal(new Actor(31, Set.of(Role.EMPLOYER_ADMIN), new Scope(null, null, null, 9L)), employerPlan,
                ReviewAction.SUBMIT));
        assertEquals("只有办班单位可以提交办班计划。", plans.refusal(szHealthReviewer, cityPlan, ReviewAction.SUBMIT));
    }

    @Test
    void aClassPlanIsDecidedOnlyByTheAuthorityOfItsSectorAtItsOwnLevelAndCity() {
        assertNull(plans.refusal(szHealthReviewer, cityPlan, ReviewAction.APPROVE));
        assertNull(plans.refusal(szHealthReviewer, cityPlan, ReviewAction.RETURN));
        String refused = "办班计划由同级卫生健康行业主管部门审核。";
        // the province's health authority does not review a Shenzhen plan: same sector, another level
        assertEquals(refused, plans.refusal(new Actor(41, Set.of(Role.AUTHORITY_REVIEWER), Scope.province(Sector.HEALTH)), cityPlan,
                ReviewAction.APPROVE));
        assertEquals(refused, plans.refusal(new Actor(42, Set.of(Role.AUTHORITY_REVIEWER), Scope.city("4401", Sector.HEALTH)), cityPlan,
                ReviewAction.APPROVE));
        assertEquals(refused, plans.refusal(new Actor(43, Set.of(Role.AUTHORITY_REVIEWER), Scope.city("4403", Sector.EDUCATION)), cityPlan,
                ReviewAction.APPROVE));
        assertEquals(refused, plans.refusal(new Actor(44, Set.of(Role.HR_ADMIN), SZ_HEALTH), cityPlan, ReviewAction.APPROVE));
        assertEquals(refused, plans.refusal(szHealthReviewer, employerPlan, ReviewAction.APPROVE));
        assertNull(plans.refusal(new Actor(41, Set.of(Role.AUTHORITY_REVIEWER), Scope.province(Sector.HEALTH)), employerPlan,
                ReviewAction.APPROVE));
        assertEquals("不能审核自己提交的办班计划。",
                plans.refusal(new Actor(30, Set.of(Role.AUTHORITY_REVIEWER), SZ_HEALTH), cityPlan, ReviewAction.APPROVE));
    }

    @Test
    void aClassPlanRecordsTheRoleItWasFiledAndDecidedIn() {
        Actor employer = new Actor(31, Set.of(Role.EMPLOYER_ADMIN), new Scope(null, null, null, 9L));
        Actor hr = new Actor(32, Set.of(Role.HR_ADMIN), SZ_HEALTH);
        assertEquals(Role.EMPLOYER_ADMIN, plans.role(employer, employerPlan, ReviewAction.SUBMIT));
        assertEquals(Role.HR_ADMIN, plans.role(hr, cityPlan, ReviewAction.SUBMIT));
        assertEquals(Role.AUTHORITY_REVIEWER, plans.role(szHealthReviewer, cityPlan, ReviewAction.SUBMIT));
        assertEquals(Role.AUTHORITY_REVIEWER, plans.role(szHealthReviewer, cityPlan, ReviewAction.APPROVE));
        assertEquals(Role.AUTHORITY_REVIEWER, plans.role(hr, employerPlan, ReviewAction.RETURN));
    }

    private final ReviewPolicy years = ReviewPolicy.of(ReviewKind.YEAR_CONFIRMATION);
    private final ReviewSubject engineerYear = new ReviewSubject(ReviewKind.YEAR_CONFIRMATION, 50,
            new Scope(Level.CITY, "4401", Sector.ENGINEERING, 7L));
    private final ReviewSubject nurseYear = new ReviewSubject(ReviewKind.YEAR_CONFIRMATION, 51,
            new Scope(Level.CITY, "4403", Sector.HEALTH, 7L));
    private final Actor yearAdmin = new Actor(60, Set.of(Role.EMPLOYER_ADMIN), new Scope(null, null, null, 7L));

    @Test
    void aYearIsHandedInAsItsOwnerAndConfirmedByTheUnitNeverByTheOwner() {
        assertNull(years.refusal(new Actor(50, Set.of(Role.PROFESSIONAL), new Scope(null, null, null, null)), engineerYear, ReviewAction.SUBMIT));
        assertEquals("年度学时由平台在达到要求时代本人提交确认。", years.refusal(yearAdmin, engineerYear, ReviewAction.SUBMIT));
        assertNull(years.refusal(yearAdmin, engineerYear, ReviewAction.APPROVE));
        assertNull(years.refusal(yearAdmin, engineerYear, ReviewAction.RETURN));
        assertEquals("年度学时由本人所在单位的管理员确认。", years.refusal(new Actor(61, Set.of(Role.EMPLOYER_ADMIN),
                new Scope(null, null, null, 8L)), engineerYear, ReviewAction.APPROVE));
        assertEquals("年度学时由本人所在单位的管理员确认。", years.refusal(new Actor(62, Set.of(Role.EMPLOYER_ADMIN),
                new Scope(null, null, null, null)), engineerYear, ReviewAction.APPROVE));
        assertEquals("年度学时由本人所在单位的管理员确认。", years.refusal(new Actor(63, Set.of(Role.HR_ADMIN, Role.AUTHORITY_REVIEWER),
                new Scope(Level.PROVINCE, null, Sector.ENGINEERING, 7L)), engineerYear, ReviewAction.APPROVE));
        assertEquals("不能确认自己的年度学时。", years.refusal(new Actor(50, Set.of(Role.EMPLOYER_ADMIN, Role.PROFESSIONAL),
                new Scope(null, null, null, 7L)), engineerYear, ReviewAction.APPROVE));
    }

    @Test
    void educationAndHealthYearsAreConfirmedByTheSectorsAuthorityOrItsSystemNotTheEmployer() {
        String refused = "卫生健康行业的年度学时由行业主管部门确认。";
        assertEquals(refused, years.refusal(yearAdmin, nurseYear, ReviewAction.APPROVE));
        assertNull(years.refusal(new Actor(64, Set.of(Role.AUTHORITY_REVIEWER), Scope.province(Sector.HEALTH)), nurseYear,
                ReviewAction.APPROVE));
        assertNull(years.refusal(new Actor(65, Set.of(Role.AUTHORITY_REVIEWER), Scope.city("4403", Sector.HEALTH)), nurseYear,
                ReviewAction.APPROVE));
        assertEquals(refused, years.refusal(new Actor(66, Set.of(Role.AUTHORITY_REVIEWER), Scope.city("4401", Sector.HEALTH)), nurseYear,
                ReviewAction.APPROVE));
        assertEquals(refused, years.refusal(new Actor(67, Set.of(Role.AUTHORITY_REVIEWER), Scope.province(Sector.EDUCATION)), nurseYear,
                ReviewAction.APPROVE));
        assertNull(years.refusal(new Actor(68, Set.of(Role.SYSTEM), new Scope(null, null, Sector.HEALTH, null)), nurseYear,
                ReviewAction.APPROVE));
        assertEquals(refused, years.refusal(new Actor(69, Set.of(Role.SYSTEM), new Scope(null, null, Sector.EDUCATION, null)), nurseYear,
                ReviewAction.APPROVE));
        assertNull(years.refusal(new Actor(70, Set.of(Role.AUTHORITY_REVIEWER), Scope.province(Sector.EDUCATION)),
                new ReviewSubject(ReviewKind.YEAR_CONFIRMATION, 52, new Scope(Level.CITY, "4401", Sector.EDUCATION, 7L)),
                ReviewAction.APPROVE));
        assertEquals(Role.PROFESSIONAL, years.role(yearAdmin, nurseYear, ReviewAction.SUBMIT));
        assertEquals(Role.EMPLOYER_ADMIN, years.role(yearAdmin, engineerYear, ReviewAction.APPROVE));
        assertEquals(Role.AUTHORITY_REVIEWER, years.role(yearAdmin, nurseYear, ReviewAction.APPROVE));
        assertEquals(Role.SYSTEM, years.role(new Actor(68, Set.of(Role.SYSTEM), new Scope(null, null, Sector.HEALTH, null)), nurseYear,
                ReviewAction.RETURN));
    }
}
