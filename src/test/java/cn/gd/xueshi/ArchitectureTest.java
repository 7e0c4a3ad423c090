package cn.gd.xueshi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The boundaries between features, stated once. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.gd.xueshi");

    @Test
    void onlyMediaTalksToTheObjectStoreClient() {
        noClasses().that().resideOutsideOfPackage("cn.gd.xueshi.media..").should().dependOnClassesThat()
                .resideInAPackage("io.minio..").check(CLASSES);
    }

    @Test
    void theDecidingRulesArePlainJava() {
        noClasses().that().haveSimpleName("WatchRule").or().haveSimpleName("WatchedSpans").or().haveSimpleName("Grader")
                .or().haveSimpleName("QuizDraw").or().haveSimpleName("YearRecord").or().haveSimpleName("IdNumber")
                .or().haveSimpleName("CreditCode").or().haveSimpleName("LoginThrottle").or().haveSimpleName("ContentReader")
                .or().haveSimpleName("ReviewFlow").or().haveSimpleName("ReviewPolicy").or().haveSimpleName("Scope")
                .or().haveSimpleName("CourseIntegrity").or().haveSimpleName("BankRules").or().haveSimpleName("QuestionSheet")
                .or().haveSimpleName("MediaProbe").or().haveSimpleName("Captions")
                .or().haveSimpleName("StaffSheet").or().haveSimpleName("StaffRules").or().haveSimpleName("StaffScope")
                .or().haveSimpleName("StaffStanding").or().haveSimpleName("StaffMatch").or().haveSimpleName("SectorRules")
                .or().haveSimpleName("SectorScope").or().resideInAPackage("cn.gd.xueshi.shared.sheet..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.hibernate..", "io.smallrye..",
                        "io.vertx..")
                .check(CLASSES);
    }

    @Test
    void formsAreReadAsFormFieldsNeverByTheFrameworksFormParser() {
        // its parser leaves a request with a broken last %XX unanswered and turns a long field into a 500
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("jakarta.ws.rs.FormParam")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.jboss.resteasy.reactive.RestForm")
                .check(CLASSES);
    }

    @Test
    void theCatalogDependsOnNoLaterFeature() {
        noClasses().that().resideInAPackage("cn.gd.xueshi.catalog..").should().dependOnClassesThat()
                .resideInAnyPackage("cn.gd.xueshi.playback..", "cn.gd.xueshi.quiz..", "cn.gd.xueshi.hours..")
                .check(CLASSES);
    }

    @Test
    void theReviewMechanismKnowsNoFeatureItServes() {
        noClasses().that().resideInAPackage("cn.gd.xueshi.review..").should().dependOnClassesThat()
                .resideInAnyPackage("cn.gd.xueshi.catalog..", "cn.gd.xueshi.media..", "cn.gd.xueshi.playback..",
                        "cn.gd.xueshi.quiz..", "cn.gd.xueshi.hours..")
                .check(CLASSES);
    }

    @Test
    void onlyTheReviewMechanismWritesReviewState() {
        noClasses().that().resideOutsideOfPackage("cn.gd.xueshi.review..").should().dependOnClassesThat()
                .haveSimpleName("ReviewItem").orShould().dependOnClassesThat().haveSimpleName("ReviewTransition")
                .check(CLASSES);
    }

    @Test
    void theLedgerKnowsNothingOfPlaybackOrQuiz() {
        noClasses().that().resideInAPackage("cn.gd.xueshi.hours..").should().dependOnClassesThat()
                .resideInAnyPackage("cn.gd.xueshi.playback..", "cn.gd.xueshi.quiz..")
                .check(CLASSES);
    }

    @Test
    void playbackDoesNotReachIntoTheQuizAndNothingReachesIntoThePages() {
        noClasses().that().resideInAPackage("cn.gd.xueshi.playback..").should().dependOnClassesThat()
                .resideInAnyPackage("cn.gd.xueshi.quiz..").check(CLASSES);
        // features put their pages in the shared frame, and use nothing else of web
        noClasses().that().resideOutsideOfPackage("cn.gd.xueshi.web..").should().dependOnClassesThat(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("cn.gd.xueshi.web..")
                        .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("Chrome")
                                        .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("PageFrame"))
                                        .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("PageShell"))
                                        .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("Cache"))
                                        .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("Raw")))))
                .check(CLASSES);
        // and the frame knows no feature but who is signed in (and the store's origin, for its CSP)
        noClasses().that().resideInAPackage("cn.gd.xueshi.web..").should().dependOnClassesThat()
                .resideInAnyPackage("cn.gd.xueshi.catalog..", "cn.gd.xueshi.playback..",
                        "cn.gd.xueshi.quiz..", "cn.gd.xueshi.hours..", "cn.gd.xueshi.review..")
                .check(CLASSES);
    }

    @Test
    void theStaffFeatureReadsHoursAndPeopleThroughTheirServices() {
        noClasses().that().resideInAPackage("cn.gd.xueshi.staff..").should().dependOnClassesThat()
                .haveSimpleName("HourEntry").orShould().dependOnClassesThat().haveSimpleName("Professional")
                .orShould().dependOnClassesThat().haveSimpleName("Employer")
                .check(CLASSES);
    }

    @Test
    void theSectorFeatureReachesPeopleClientsAndHoursThroughTheirServices() {
        noClasses().that().resideInAPackage("cn.gd.xueshi.sector..").should().dependOnClassesThat()
                .haveSimpleName("HourEntry").orShould().dependOnClassesThat().haveSimpleName("Professional")
                .orShould().dependOnClassesThat().haveSimpleName("Employer")
                .orShould().dependOnClassesThat().haveSimpleName("SystemClient")
                .orShould().dependOnClassesThat().haveSimpleName("Account")
                .check(CLASSES);
    }

    @Test
    void featuresUseOtherFeaturesThroughServicesNotTheirEntities() {
        noClasses().that().resideOutsideOfPackage("cn.gd.xueshi.playback..").should().dependOnClassesThat()
                .haveSimpleName("LessonProgress").orShould().dependOnClassesThat().haveSimpleName("PlaybackSession")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage("cn.gd.xueshi.quiz..").should().dependOnClassesThat()
                .haveSimpleName("QuizAttempt").orShould().dependOnClassesThat().haveSimpleName("CourseEnrollment")
                .check(CLASSES);
    }
}
