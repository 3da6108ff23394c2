package io.ycbridge.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Optional;

/** Companies, services, service categories and staff. */
final class CatalogEndpoints {
    private final SimulatorData data;
    private final BookingForms forms;

    CatalogEndpoints(SimulatorData data, BookingForms forms) {
        this.data = data;
        this.forms = forms;
    }

    /** {@code GET /companies}: every company; with {@code my=1}, only those the user token manages. */
    ApiResponse companies(ApiCall call) {
        boolean mine = call.flag("my");
        UserAccount user = mine ? call.requireUser() : null;
        ArrayNode list = Json.array();
        for (Company company : data.companies()) {
            if (user == null || user.manages(company.id())) {
                list.add(WireFormat.company(company, activeStaff(company.id()).size(), forms.confirmsPhones(company.id()), WireFormat.Style.LIST));
            }
        }
        return ApiResponse.json(200, Envelope.success(list));
    }

    ApiResponse company(ApiCall call) {
        Company company = existingCompany(call);
        return ApiResponse.json(200, Envelope.success(WireFormat.company(company, activeStaff(company.id()).size(),
                forms.confirmsPhones(company.id()), WireFormat.Style.SINGLE)));
    }

    /** {@code GET /company/{id}/services[/{service_id}]}, with the documented staff_id and category_id filters. */
    ApiResponse services(ApiCall call) {
        Company company = existingCompany(call);
        List<StaffMember> performers = activeStaff(company.id());
        Optional<Long> serviceId = call.optionalPathId(1);
        if (serviceId.isPresent()) {
            OfferedService service = data.services(company.id()).stream().filter(s -> s.id() == serviceId.get())
                    .findFirst().orElseThrow(() -> ApiRefusal.failure(404, call.language().serviceNotFound()));
            return ApiResponse.json(200, Envelope.success(WireFormat.service(service, performers, WireFormat.Style.SINGLE)));
        }
        Optional<Long> categoryId = call.longParam("category_id");
        Optional<Long> staffId = call.longParam("staff_id");
        if (staffId.isPresent() && performers.stream().noneMatch(m -> m.id() == staffId.get())) {
            return listAnswer(Json.array());
        }
        ArrayNode list = Json.array();
        data.services(company.id()).stream()
                .filter(s -> categoryId.isEmpty() || s.categoryId() == categoryId.get())
                .forEach(s -> list.add(WireFormat.service(s, performers, WireFormat.Style.LIST)));
        return listAnswer(list);
    }

    ApiResponse categories(ApiCall call) {
        Company company = existingCompany(call);
        List<StaffMember> performers = activeStaff(company.id());
        Optional<Long> categoryId = call.optionalPathId(1);
        List<ServiceCategory> categories = data.categories(company.id());
        if (categoryId.isPresent()) {
            ServiceCategory category = categories.stream().filter(c -> c.id() == categoryId.get()).findFirst()
                    .orElseThrow(() -> ApiRefusal.failure(404, call.language().notFound()));
            return ApiResponse.json(200, Envelope.success(WireFormat.category(category, performers)));
        }
        ArrayNode list = Json.array();
        categories.forEach(c -> list.add(WireFormat.category(c, performers)));
        return listAnswer(list);
    }

    /** {@code GET /company/{id}/staff[/{staff_id}]}: fired masters are left out of the list but found by id. */
    ApiResponse staff(ApiCall call) {
        Company company = existingCompany(call);
        Optional<Long> staffId = call.optionalPathId(1);
        if (staffId.isPresent()) {
            StaffMember member = data.staff(company.id()).stream().filter(m -> m.id() == staffId.get()).findFirst()
                    .orElseThrow(() -> ApiRefusal.failure(404, call.language().staffNotFound(staffId.get(), company.id())));
            return ApiResponse.json(200, Envelope.success(WireFormat.staff(member)));
        }
        ArrayNode list = Json.array();
        activeStaff(company.id()).forEach(m -> list.add(WireFormat.staff(m)));
        return listAnswer(list);
    }

    private Company existingCompany(ApiCall call) {
        return data.company(call.pathId(0))
                .orElseThrow(() -> ApiRefusal.failure(404, call.language().companyNotFound()));
    }

    private List<StaffMember> activeStaff(long companyId) {
        return data.staff(companyId).stream().filter(m -> !m.fired()).toList();
    }

    private static ApiResponse listAnswer(ArrayNode list) {
        return ApiResponse.json(200, Envelope.success(list, Json.object().put("total_count", list.size())));
    }
}
