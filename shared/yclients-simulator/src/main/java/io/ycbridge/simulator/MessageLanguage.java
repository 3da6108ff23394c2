package io.ycbridge.simulator;

/**
 * Which brand's texts the simulator answers with: YClients answers in Russian, Altegio (same API) in English.
 * Texts marked "guess" were not seen in the wild; the others come from the seeds or YClients' published API docs.
 */
public enum MessageLanguage {
    RU,
    EN;

    private String pick(String ru, String en) {
        return this == RU ? ru : en;
    }

    /** Seeds 003 and 004: a missing or unrecognised partner token. */
    String partnerMissing() {
        return pick("Не указан идентификатор партнера", "Partner ID not specified");
    }

    /** Guess: the text of the 401 for a missing or unknown user token has not been seen. */
    String userRequired() {
        return pick("Необходима авторизация", "Authentication required");
    }

    /** Seed 004 (EN); the Russian wording is the one support threads quote. */
    String noRights() {
        return pick("Нет прав на управление компанией", "No company management rights");
    }

    String notFound() {
        return pick("Не найдено", "Not found");
    }

    /** The Russian text is from the API docs' 404 examples; the English one is a guess. */
    String companyNotFound() {
        return pick("Филиал не найден.", "Company not found.");
    }

    String serviceNotFound() {
        return pick("Услуга не найдена.", "Service not found.");
    }

    String staffNotFound(long staffId, long companyId) {
        return pick("Сотрудник с ID " + staffId + " не найден в филиале " + companyId + ".",
                "Staff member with ID " + staffId + " not found in company " + companyId + ".");
    }

    String wrongLogin() {
        return pick("Неверный логин или пароль", "Incorrect login or password");
    }

    /** Guess: the API refuses requests without the v2 Accept header, but the exact text is not known. */
    String acceptRequired() {
        return pick("Необходимо передать заголовок Accept: application/vnd.yclients.v2+json",
                "The Accept header application/vnd.yclients.v2+json is required");
    }

    /** Guess. */
    String methodNotAllowed() {
        return pick("Метод не поддерживается", "Method not allowed");
    }

    /** Guess: the 429 body is undocumented. */
    String tooManyRequests() {
        return pick("Превышен лимит запросов", "Too many requests");
    }

    /** Guess. */
    String serviceUnavailable() {
        return pick("Сервис временно недоступен", "Service temporarily unavailable");
    }

    /** Guess. */
    String serverError() {
        return pick("Внутренняя ошибка сервера", "Internal server error");
    }

    /** Guess. */
    String badRequestBody() {
        return pick("Неверный формат запроса", "Malformed request body");
    }

    /** Guess. */
    String loginAndPasswordRequired() {
        return pick("Необходимо указать логин и пароль", "Login and password are required");
    }

    /** Guess. */
    String badParameter(String name) {
        return pick("Неверное значение параметра " + name, "Invalid value of parameter " + name);
    }

    /** From the API docs' 400 example of the client search. */
    String badFilter() {
        return pick("Недопустимое значение фильтра", "Invalid filter value");
    }

    /** Guess. */
    String hookUrlsRequired() {
        return pick("Не указаны адреса для отправки уведомлений", "Notification URLs are required");
    }

    // ---- online booking: 433's Russian text is the reference's example; the others are its descriptions of the
    // ---- codes (it shows no text for them), and the English ones are guesses

    private static final String[] GENITIVE_MONTHS = {"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
            "августа", "сентября", "октября", "ноября", "декабря"};

    /** 433, as "Проверка параметров записи на сеанс" shows it: the master's name, their id, the day and the time. */
    String timeTaken(String staffName, long staffId, java.time.LocalDateTime start) {
        String time = String.format(java.util.Locale.ROOT, "%02d:%02d", start.getHour(), start.getMinute());
        return pick("К сотруднику " + staffName + "(" + staffId + ") нельзя записаться на " + start.getDayOfMonth() + " "
                        + GENITIVE_MONTHS[start.getMonthValue() - 1] + " " + start.getYear() + " в " + time
                        + ". Выбранное время уже занято или является нерабочим.",
                "Staff member " + staffName + "(" + staffId + ") cannot be booked on " + start.toLocalDate() + " at " + time
                        + ". The chosen time is taken or outside working hours.");
    }

    String wrongCode() {
        return pick("Введенный код подтверждения номера из SMS неправильный", "The SMS confirmation code is wrong");
    }

    String invalidPhone() {
        return pick("Номер телефона пользователя в неправильном формате", "The phone number is in a wrong format");
    }

    String nameMissing() {
        return pick("Не указано имя клиента", "The client's name is missing");
    }

    String noStaffAvailable() {
        return pick("Нет сотрудников доступных для записи", "No staff member is available for booking");
    }

    String appointmentsOverlap() {
        return pick("Выбранное время одной из записей пересекается с временем записи, создаваемой этим же запросом",
                "The time of one appointment overlaps another appointment of the same request");
    }

    String serviceNotBookable() {
        return pick("Нет записи на указанную услугу", "The service cannot be booked");
    }

    // ---- a booking user's cancel or move under the company's RecordRules: guesses, the reference shows no refusal

    String cancelNotAllowed() {
        return pick("Удаление записи запрещено настройками филиала", "The company's settings do not allow cancelling the appointment");
    }

    String cancelTooLate(java.time.Duration delay) {
        return pick("Удалить запись можно не позднее " + beforeStartRu(delay), "The appointment can be cancelled no later than "
                + beforeStartEn(delay));
    }

    String moveNotAllowed() {
        return pick("Перенос записи запрещен настройками филиала", "The company's settings do not allow rescheduling the appointment");
    }

    String moveTooLate(java.time.Duration delay) {
        return pick("Перенести запись можно не позднее " + beforeStartRu(delay), "The appointment can be rescheduled no later than "
                + beforeStartEn(delay));
    }

    // ---- loyalty cards: the reference shows no refusal, so every text below is a guess

    /** The 403 of a user without the right {@code loyalty_cards_manual_transactions_access}. */
    String noManualLoyaltyRights() {
        return pick("Нет прав на ручное пополнение/списание с карт лояльности",
                "No rights to top up or deduct loyalty cards manually");
    }

    String notEnoughFundsOnCard() {
        return pick("Недостаточно средств на карте", "Not enough funds on the card");
    }

    String chainNotFound() {
        return pick("Сеть не найдена.", "Chain not found.");
    }

    String loyaltyCardNotFound() {
        return pick("Карта лояльности не найдена.", "Loyalty card not found.");
    }

    String loyaltyCardFieldsRequired() {
        return pick("Необходимо указать номер карты, тип карты и телефон клиента",
                "The card number, the card type and the client's phone are required");
    }

    String cardTypeNotOfChain() {
        return pick("Тип карты не найден в сети филиала", "The card type does not belong to the company's chain");
    }

    String cardTypeAlreadyIssued() {
        return pick("Клиенту уже выдана карта этого типа", "The client already has a card of this type");
    }

    String cardNumberTaken() {
        return pick("Карта с таким номером уже выдана", "A card with this number has already been issued");
    }

    String transactionAmountInvalid() {
        return pick("Сумма транзакции должна быть ненулевым числом", "The transaction amount must be a non-zero number");
    }

    String transactionTitleRequired() {
        return pick("Не указано назначение транзакции", "The transaction title is required");
    }

    /** "чем за 3 ч 30 мин до начала визита", or "начала визита" without a delay. */
    private static String beforeStartRu(java.time.Duration delay) {
        return delay.isZero() ? "начала визита" : "чем за " + hoursAndMinutes(delay, "ч", "мин") + " до начала визита";
    }

    private static String beforeStartEn(java.time.Duration delay) {
        return delay.isZero() ? "its start" : hoursAndMinutes(delay, "h", "min") + " before its start";
    }

    private static String hoursAndMinutes(java.time.Duration delay, String hours, String minutes) {
        long h = delay.toHours();
        int m = delay.toMinutesPart();
        if (h == 0) {
            return m + " " + minutes;
        }
        return m == 0 ? h + " " + hours : h + " " + hours + " " + m + " " + minutes;
    }
}
