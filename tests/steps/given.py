"""假如 … : the rule set, the unit, the members, the planned meeting and what has happened so far."""

from __future__ import annotations

import re

from pytest_bdd import given, when

from steps.context import World, attributes, day, event_rows, items, rows, step
from steps.prepare import prepare_all, skips


@given(step("规则集 {ref}"))
def given_ruleset(world: World, ref: str) -> None:
    world.reset()
    world.use_ruleset(ref)


@given(step("规则集 {ref} 层级 {tier}"))
def given_ruleset_tier(world: World, ref: str, tier: str) -> None:
    world.reset()
    world.use_ruleset(ref)
    world.tier = world.tier_id(tier)


@given(step("单位 {name}"))
def given_unit(world: World, name: str) -> None:
    world.not_opened("the unit")
    world.unit = {**world.unit, "name": name}


@given(step("单位 {name} 班子职务 {position}"))
def given_unit_position(world: World, name: str, position: str) -> None:
    world.not_opened("the unit")
    world.unit = {**world.unit, "name": name, "position": world.position_id(position)}


@given(step("单位属性 {attribute} 为 {value}"))
def given_unit_attribute(world: World, attribute: str, value: str) -> None:
    world.not_opened("a unit attribute")
    given = attributes(f"{attribute}={value}")
    world.unit = {**world.unit, "attributes": {**world.unit.get("attributes", {}), **given}}


@given(step("班子成员"))
def given_members(world: World, datatable: list[list[str]]) -> None:
    """编号 | 姓名 | 职务 | 属性 | 分管 — 职务 by id or name, 属性 as a=是, b=否, 分管 a list of departments."""
    world.not_opened("the members")
    for row in rows(datatable):
        member = {"id": row["编号"], "name": row.get("姓名") or row["编号"]}
        if row.get("职务"):
            member["position"] = world.position_id(row["职务"])
        if row.get("属性"):
            member["attributes"] = attributes(row["属性"])
        if row.get("分管"):
            member["oversees"] = items(row["分管"])
        world.members.append(member)


@given(step("名单 {name}"))
def given_list(world: World, name: str, datatable: list[list[str]]) -> None:
    world.not_opened("a list")
    world.lists[name] = [r[0].strip() for r in datatable[1:]]


@given(step("称谓 {role} 为 {name}"))
def given_person(world: World, role: str, name: str) -> None:
    world.not_opened("a name for a role")
    world.people[role] = name


@given(step("会议定于 {date}"))
def given_meeting(world: World, date: str) -> None:
    world.not_opened("the meeting date")
    world.meeting = {**world.meeting, "date": day(date)}


@given(step("会议定于 {date}，会期 {days} 天"))
def given_meeting_length(world: World, date: str, days: str) -> None:
    world.not_opened("the meeting date")
    world.meeting = {**world.meeting, "date": day(date), "length_days": float(days)}


@given(step("参数 {name} 为 {date}"))
def given_parameter(world: World, name: str, date: str) -> None:
    """A date (2020-06-01, 2020年6月1日) or a number (10, a day count or any number the rule set declares)."""
    world.not_opened("a parameter")
    world.parameters[name] = float(date) if re.fullmatch(r"\d+(\.\d+)?", date.strip()) else day(date)


@given(step("年度 {year}"))
def given_year(world: World, year: str) -> None:
    """The year of an annual rule set's dates (its case's ``year``)."""
    world.not_opened("the year")
    world.year = int(year.removesuffix("年"))


@given(step("已发生"))
def given_events(world: World, datatable: list[list[str]]) -> None:
    """Events that happened; one refused here is a mistake in the scenario, so it fails the step."""
    events = event_rows(datatable)
    if world.opened is None:
        world.events += events
        world.case()
        world.on = max((e["date"] for e in events), default=world.on)
    else:
        world.apply(events)


@given(step("会前准备于 {date} 全部完成"))
@when(step("会前准备于 {date} 全部完成"))
def given_all_ready(world: World, date: str) -> None:
    prepare_all(world, day(date), skips([]))


@given(step("会前准备于 {date} 全部完成，除了"))
@when(step("会前准备于 {date} 全部完成，除了"))
def given_all_ready_but(world: World, date: str, datatable: list[list[str]]) -> None:
    """类别 | 内容 — 事项 TASK, 必谈 RULE, 谈话 A—B, 材料 M[/SUBJECT], 环节 M[/SUBJECT]/LINK, 签字 M/SUBJECT."""
    prepare_all(world, day(date), skips(rows(datatable)))


@given(step("会期 {days} 天"))
def given_length(world: World, days: str) -> None:
    world.not_opened("the meeting length")
    world.meeting = {**world.meeting, "length_days": float(days)}
