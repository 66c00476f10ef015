package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.platform.web.Page;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1")
@Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST})
@ExecuteOn(TaskExecutors.BLOCKING)
class TaskController {

    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @Get("/cases/{id}/tasks")
    @Operation(operationId = "listCaseTasks", summary = "The case's tasks by workstream, open first")
    List<TaskView> list(Caller caller, @PathVariable UUID id) {
        return tasks.list(caller, id);
    }

    @Post("/cases/{id}/tasks")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createTask", summary = "Add a task to a workstream of the case")
    TaskView create(Caller caller, @PathVariable UUID id, @Body @Valid CaseRequests.NewTask request) {
        return tasks.create(caller, id, request);
    }

    @Patch("/tasks/{id}")
    @Operation(operationId = "updateTask", summary = "Change a task: status, title, assignee, due date")
    TaskView update(Caller caller, @PathVariable UUID id, @Body @Valid CaseRequests.TaskChanges request) {
        return tasks.update(caller, id, request);
    }

    @Get("/tasks/mine")
    @Operation(operationId = "listMyTasks", summary = "My open tasks across my cases, overdue first")
    Page<TaskView> mine(Caller caller, @QueryValue @Nullable String after, @QueryValue @Nullable Integer limit) {
        return tasks.mine(caller, after, Page.limit(limit));
    }
}
