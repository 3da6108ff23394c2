package io.ycbridge.yclients.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One example body of the reference, as copied into {@code src/test/resources/reference} (provenance in its
 * README): the file, the status the reference answers with, and the reference's section it came from.
 */
enum ReferenceExample {
    AUTH_REQUEST("auth.request.json", 0, "Авторизовать пользователя [POST]"),
    AUTH("auth.response.json", 201, "Авторизовать пользователя [POST]"),
    COMPANIES("companies.response.json", 200, "Коллекция компаний: Получить список компаний [GET]"),
    COMPANY("company.response.json", 200, "Компания: Получить компанию [GET]"),
    SERVICES("services.response.json", 200, "Получить список услуг / конкретную услугу [GET /company/{company_id}/services/{service_id}]"),
    SERVICE_CATEGORIES("service-categories.response.json", 200, "Получить список категорий услуг [GET /company/{company_id}/service_categories/{id}]"),
    STAFF("staff.response.json", 200, "Получить список сотрудников / конкретного сотрудника [GET /company/{company_id}/staff/{staff_id}]"),
    STAFF_LEGACY("staff-legacy.response.json", 200, "Устаревшее. Получить список сотрудников / конкретного сотрудника [GET /staff/{company_id}/{staff_id}]"),
    RECORDS("records.response.json", 200, "Коллекция записей: Получить список записей [GET]"),
    RECORD("record.response.json", 200, "Запись: Получить запись [GET]"),
    CLIENTS_SEARCH_REQUEST("clients-search.request.json", 0, "Коллекция клиентов: Получить список клиентов [POST]"),
    CLIENTS_SEARCH("clients-search.response.json", 200, "Коллекция клиентов: Получить список клиентов [POST]"),
    HOOK_SETTINGS("hooks-settings.response.json", 200, "Получить настройки уведомлений о событиях [GET]"),
    HOOK_SETTINGS_UPDATE_REQUEST("hooks-settings-update.request.json", 0, "Изменить настройки уведомлений о событиях [POST]"),
    HOOK_SETTINGS_UPDATE("hooks-settings-update.response.json", 201, "Изменить настройки уведомлений о событиях [POST]"),
    BOOK_SERVICES("book-services.response.json", 200, "Онлайн-запись: Получить список услуг доступных для бронирования [GET]"),
    BOOK_STAFF("book-staff.response.json", 200, "Онлайн-запись: Получить список сотрудников доступных для бронирования [GET]"),
    BOOK_DATES("book-dates.response.json", 200, "Онлайн-запись: Получить список дат доступных для бронирования [GET]"),
    BOOK_TIMES("book-times.response.json", 200, "Онлайн-запись: Получить список сеансов доступных для бронирования [GET]"),
    BOOK_CODE_REQUEST("book-code.request.json", 0, "Онлайн-запись: Отправить СМС код подтверждения номера телефона [POST]"),
    BOOK_CHECK_REQUEST("book-check.request.json", 0, "Онлайн-запись: Проверить параметры записи [POST]"),
    BOOK_CHECK_REFUSED("book-check-refused.response.json", 422, "Онлайн-запись: Проверить параметры записи [POST]"),
    BOOK_RECORD_REQUEST("book-record.request.json", 0, "Онлайн-запись: Создать запись на сеанс [POST /book_record/{company_id}]"),
    BOOK_RECORD("book-record.response.json", 201, "Онлайн-запись: Создать запись на сеанс [POST /book_record/{company_id}]"),
    BOOK_RECORD_RESCHEDULE_REQUEST("book-record-reschedule.request.json", 0, "Онлайн-запись: Перенести запись на сеанс [PUT]"),
    BOOK_RECORD_RESCHEDULE("book-record-reschedule.response.json", 200, "Онлайн-запись: Перенести запись на сеанс [PUT]"),
    USER_RECORDS("user-records.response.json", 201, "Записи пользователя: Получить записи пользователя [GET]"),
    LOYALTY_CARD_TYPES("loyalty-card-types.response.json", 200, "Карты лояльности: Получить список типов карт доступных в филиале [GET]"),
    LOYALTY_CARDS("loyalty-cards.response.json", 200, "Карты лояльности: Получить список карт клиента по номеру телефона [GET]"),
    LOYALTY_CARD_ISSUE_REQUEST("loyalty-card-issue.request.json", 0, "Карты лояльности: Выдать карту лояльности [POST]"),
    LOYALTY_CARD_ISSUE("loyalty-card-issue.response.json", 200, "Карты лояльности: Выдать карту лояльности [POST]"),
    LOYALTY_CARD_WITHDRAWAL("loyalty-card-withdrawal.response.json", 200, "Применить списание с карты лояльности в визите [POST]"),
    VISIT_LOYALTY_TRANSACTIONS("visit-loyalty-transactions.response.json", 200, "Получить транзакции лояльности по визиту [GET]");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;
    private final int status;
    private final String section;

    ReferenceExample(String file, int status, String section) {
        this.file = file;
        this.status = status;
        this.section = section;
    }

    /** The status of a response example; 0 for a request. */
    int status() {
        return status;
    }

    String section() {
        return section;
    }

    String text() {
        try (InputStream in = ReferenceExample.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource reference/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode json() {
        try {
            return JSON.readTree(text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonShape shape() {
        return JsonShape.of(json());
    }

    @Override
    public String toString() {
        return file + " (" + section + ")";
    }
}
