package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.motcua.platform.Channel;
import vn.motcua.test.IntegrationTest;

/** The administrator's calendar page /quan-tri/lich: the year, the form (with CSRF), the audit. */
@IntegrationTest
class CalendarAdminPageTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    WorkingCalendar calendar;

    private MockMvc mvc;
    private MockHttpSession admin;

    @BeforeEach
    void logIn() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        MvcResult login = mvc.perform(formLogin("/dang-nhap").user("admin").password("demo")).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/quan-tri");
        admin = (MockHttpSession) login.getRequest().getSession(false);
    }

    private String page(String url) throws Exception {
        MvcResult r = mvc.perform(get(url).session(admin)).andReturn();
        assertThat(r.getResponse().getStatus()).as(url).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        MvcResult r = mvc.perform(get("/quan-tri/lich?year=2026")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl()).contains("/dang-nhap");
    }

    @Test
    void theYearShowsEveryDayOffAndSwappedSaturdayWithNameAndSource() throws Exception {
        String html = page("/quan-tri/lich?year=2026");
        assertThat(html).contains("Lịch làm việc năm 2026", "Tết Âm lịch Bính Ngọ", "Thông báo 9441/TB-BNV",
                "Làm bù", "10/01/2026", "Quốc khánh (2/9)", "Bộ luật Lao động 2019, Điều 112", "Tháng 2/2026",
                "cal-swap", "cal-holiday", "name=\"_csrf\"", "Nhật ký thay đổi lịch năm 2026");
        String english = page("/quan-tri/lich?year=2026&lang=en");
        assertThat(english).contains("Working calendar 2026", "Swapped working day", "National Day (2 September)");
    }

    @Test
    void anAdministratorAddsTheTetScheduleOfAYearAndSeesTheAuditEntry() throws Exception {
        MvcResult saved = mvc.perform(post("/quan-tri/lich").session(admin).with(csrf())
                .param("year", "2046").param("version", "0").param("holiday", "TET").param("name", "Tết Âm lịch Bính Dần 2046")
                .param("source", "Thông báo thử nghiệm 2046").param("confidence", "confirmed")
                .param("daysOff", "05/02/2046\n06/02/2046, 2046-02-07 08/02/2046\n09/02/2046")
                .param("compensatoryDays", "").param("swappedWorkdays", "17/02/2046")).andReturn();
        assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(302);
        String location = saved.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/quan-tri/lich?year=2046&audit=");
        String html = page(location);
        assertThat(html).contains("Đã lưu thay đổi lịch", "Thêm lịch nghỉ Tết Âm lịch 2046",
                "Quản trị hệ thống (admin)", "Không có hạn giải quyết nào đã hẹn", "17/02/2046",
                "Thông báo thử nghiệm 2046");
        // the schedule now drives deadlines: Friday 02/02/2046 + 1 working day skips 5–9/02 and the weekend
        assertThat(calendar.deadline(OffsetDateTime.parse("2046-02-02T10:00+07:00"), ProcessingTime.workingDays(1),
                Channel.COUNTER).dueAt()).isEqualTo("2046-02-12T10:00+07:00");
        assertThat(calendar.isWorkingDay(LocalDate.of(2046, 2, 17))).isTrue();
    }

    @Test
    void aContradictoryFormIsShownAgainWithTheReasons() throws Exception {
        MvcResult r = mvc.perform(post("/quan-tri/lich").session(admin).with(csrf())
                .param("year", "2046").param("version", "0").param("holiday", "NATIONAL_DAY").param("name", "Quốc khánh 2046")
                .param("source", "").param("confidence", "confirmed")
                .param("daysOff", "03/09/2046").param("swappedWorkdays", "05/09/2046 03/09/2046")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("error-summary", "Cần nhập căn cứ",
                "Ngày 03/09/2046 vừa là ngày nghỉ vừa là ngày làm bù.", "Quốc khánh 2046");
        assertThat(page("/quan-tri/lich?year=2046")).doesNotContain("Quốc khánh 2046");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        MvcResult r = mvc.perform(post("/quan-tri/lich").session(admin).param("year", "2047")
                .param("holiday", "TET")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
    }
}
