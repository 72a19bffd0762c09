"""Questions as people ask them, in English or Chinese, read into one command of the strict grammar.

    "how much to train llama 3 70b on 2T tokens with H100s?"  ->  train llama3.1-70b 2T gpu=H100
    "训练一个700亿参数模型 2万亿token 要多少钱"                    ->  train 70B 2T

The reader stands in front of `bot.text.grammar.parse` and is only asked about words parse refuses; what it
makes is a command string, so the request comes out of parse exactly as if the person had typed that command,
and the command is shown back to them. No model, no network: words, numbers and patterns, in this order:

1. normalise: full-width to ASCII, "70 billion" to "70B", typos of known words ("trian", "H10O") corrected;
2. patterns, each consuming what it matched: models (built from the presets' names), GPUs with their counts,
   money, time, load, precision, quantities with their unit words ("2T tokens", "700亿参数"), bare quantities;
3. what is left: job words, filler, and the words that could not be used (named back to the person).

Where a word could mean two things the likelier is taken and a `Note` says which, with the other as a command.
"""

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from bot.text.language import CJK, CN_UNITS, NUMBER, is_cjk, question_language
from bot.text.quantities import QuantityError, parse_quantity
from calc.command import format_quantity
from calc.goodput import NODE_GPUS
from calc.gpus import CATALOG, Accelerator
from calc.infer import CHAT_INPUT, CHAT_OUTPUT
from calc.presets import PRESETS, ModelPreset, find_preset

EXAMPLE_PARAMS = {"en": "70B", "zh": "700亿"}  # the size a suggestion shows when the question gave none
# A workspace's defaults are changed by exact commands only: their own errors stand, nothing is guessed.
TEAM_COMMAND = re.compile(r"\s*(?:set|settings|reset)(?:\s|$)", re.IGNORECASE)
# `api gpt-5`, `prices H1000`, `rent H100 basis=own`: a listing's own words, whose error (the model or GPU it lacks) is the better answer;
# "prices for an H100" is a question.
LISTING_COMMAND = re.compile(r"\s*(?:api|prices|rent)(?:\s|$)", re.IGNORECASE)
MAX_QUESTION = 500  # characters: a question is a line or two; longer text is left to the grammar's own error


@dataclass(frozen=True)
class Note:
    """Something the person should know about how their words were read: a message code and its values."""

    code: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Reading:
    """What free text was read as.

    `command` is a command of the strict grammar (with `<model>` standing where a model is missing);
    `missing` names what the words lacked ("params", "tokens", "second_gpu"), and `suggestion` is then a
    command built from the person's own words with an example in the gap; `ignored` are the words not used.
    """

    command: str
    ignored: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    lang: str | None = None
    missing: str | None = None
    suggestion: str | None = None


# ---------------------------------------------------------------------------------------------------------------
# Vocabulary

SEP = r"[\s\-_]*"
START = r"(?<![a-z0-9.])(?<!\d,)"  # a boundary Latin-only: Chinese characters stand next to numbers with no space
END = r"(?![a-z0-9])"
# A count of parameters or tokens as typed: 70B, 1.4T, 7e9, 700亿, 1.4万亿, 8x7B.
QUANTITY = rf"(?<![\d.])(?<!\d,)(?:\d+\s*[x×]\s*)?{NUMBER}(?:e[+-]?\d+)?(?:\s*{CN_UNITS}|[kmbgt])?"
CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
WORD_NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
# Tens and a unit in words ("sixty-four", "sixty four"), tried before either alone would be taken for the number.
COMPOUND_WORDS = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s\-]+(?:one|two|three|four|five|six|seven|eight|nine)"
)
# A count of GPUs in words ("two H100s", "eight GPUs"); not "a": "a H100" names the GPU, it does not size a cluster.
COUNT_WORDS = "|".join((COMPOUND_WORDS, *(word for word in WORD_NUMBERS if word != "a")))
SCALE_WORDS = {
    "thousand": "K",
    "k": "K",
    "million": "M",
    "mn": "M",
    "mil": "M",
    "billion": "B",
    "bn": "B",
    "trillion": "T",
    "tn": "T",
}

JOB_WORDS: dict[str, str] = {
    **dict.fromkeys(("train", "trains", "training", "trained", "pretrain", "pretraining", "pretrained"), "train"),
    **dict.fromkeys(
        ("serve", "serving", "served", "infer", "inference", "inferencing", "deploy", "deploying"), "infer"
    ),
    **dict.fromkeys(("deployment", "host", "hosting", "hosted", "inferring"), "infer"),
    **dict.fromkeys(("finetune", "finetuning", "finetuned", "sft"), "finetune"),
    **dict.fromkeys(("compare", "comparing", "comparison", "vs", "versus", "cheaper", "faster"), "compare"),
    **dict.fromkeys(("cheapest", "fastest", "best"), "compare"),
    **dict.fromkeys(("sweep",), "sweep"),
    **dict.fromkeys(("训练", "预训练"), "train"),
    **dict.fromkeys(("推理", "部署", "上线", "服务"), "infer"),
    **dict.fromkeys(("微调",), "finetune"),
    **dict.fromkeys(
        ("比较", "对比", "相比", "更便宜", "更快", "哪个", "更划算", "更合算", "最便宜", "最快"), "compare"
    ),
}
RUN_WORDS = ("run", "running", "runs", "跑")  # serving, unless training is named too
# Renting GPUs with no model: "rent 64 A100 for 3 weeks" asks what the hours cost (they stay filler otherwise).
RENT_WORDS = frozenset(("rent", "renting", "rented", "rental", "lease", "leasing", "租", "租用", "租赁", "租金"))
LISTING_WORDS: dict[str, str] = {
    **dict.fromkeys(("gpus", "gpu", "accelerators", "显卡", "卡", "gpu列表"), "gpus"),
    **dict.fromkeys(("models", "presets", "模型", "模型列表"), "models"),
    **dict.fromkeys(("help", "帮助", "用法", "怎么用"), "help"),
    **dict.fromkeys(("prices", "price", "pricing", "价格", "报价"), "prices"),
    **dict.fromkeys(("api",), "api"),
}
TOKEN_WORDS = ("tokens", "token", "toks", "tok", "词元", "个token", "token数")
PARAM_WORDS = ("params", "param", "parameters", "parameter", "参数", "参数量", "个参数", "model", "的模型", "模型")


def _words(text: str) -> list[str]:
    """A vocabulary written as prose-like lines, one word per blank-separated item."""
    return text.split()


FILLER = frozenset(
    _words("""
    how much many what what's whats which does do did would will it cost costs costing to a an the model models params
    parameters parameter please pls plz for on with using use at of in is are be i we me my our you your can could
    should need needed needs if and or about roughly approximately approx around estimate estimated estimation total
    take takes taking tell show give given want wanna going gonna let's lets hi hey thanks thank so then any some this
    that there compute llm language large size sized from scratch just like by per via when where whats it's on
    than tokens token dataset data corpus be been being get got much money expensive cheap cost? us approximately
    scale optimal up ok okay quick question q hmm guys folks team anyone know idea ballpark figure rough
    we're i'm i'd we'd it'd you're planning plan plans looking trying wondering curious rent renting rented bill
    long within over under across spend spending pay paying buy mean means wonder say let would've
    gpu-hours hours hour days weeks months quantization quantized quantised option options setup cloud overall ever also too new own single
    dense instead chinese english sized roughly exactly model's bot u ur have has had day daily tpus tpu
    meta instruct on-demand moe mixture experts expert style like vram memory llmcost monthly cheaply cheap quickly fast vllm tensorrt tensorrt-llm sglang tgi flops 6nd per-gpu-hour gpu-hour compute-optimal cards card chips chip
    nodes node accelerators devices one today now back currently check
    """)
) | frozenset(
    _words("""
    多少钱 多少 要 需要 一个 个 模型 的 了 吗 呢 啊 呀 请 请问 帮我 帮忙 算 算一下 估算 估计 成本 费用 花费 大概 大约 左右 是
    在 上 用 使用 基于 规模 数据 数据集 训练数据 我 我们 想 如果 一下 花 哪些 多久 时间 集群 张 块 台 次 的话 和 与 跟 及 以及
    还是 或 或者 从头 从零 能 可以 会 总共 一共 全部 得 到 做 来 进行 什么 怎么 如何 吧 一次 的成本 钱 贵 便宜 下 个月 内 之内
    以内 有 给 看看 看 租赁 租金 预计 预估 开销 这个 那个 一台 呢？ 吗？ 参数 参数量 个参数 token tokens 词元 并发 全量 量 上面 里 中
    小时 gpu小时 卡时 多少天 几天 天数 划算 合算 几 几张 一 量化 能不能 可不可以 估 估一下 帮忙估 算算 计价 计费 结算 分别 各自 级别 大模型 大 怎么样 总 总参数 混合专家 专家 怎样 单价 价格是 需要多少 多长时间 完成 自己 我们的 租 租用 计算 成本是 价钱 总价 总成本
    """)
)
CN_WORDS = sorted({w for w in (*FILLER, *JOB_WORDS, *LISTING_WORDS, *RUN_WORDS) if re.search(r"[^\x00-\x7f]", w)})
CN_LONGEST = max(len(w) for w in CN_WORDS)


# ---------------------------------------------------------------------------------------------------------------
# Models, from the presets' own names: "llama3.1-405b" is family llama, version 3.1, size 405b.


@dataclass(frozen=True)
class ModelName:
    preset: ModelPreset
    family: str
    version: str  # "3.1", "4", "" (the digits after the family)
    extra: str  # "turbo" in gpt4-turbo
    size: str  # "405b", "8x7b", ""


def _model_name(preset: ModelPreset) -> ModelName:
    name = preset.name.lower()
    match = re.fullmatch(r"([a-z]+)[\-_]?v?(\d+(?:\.\d+)?)?(?:[\-_]([a-z]+))?(?:[\-_](\d+(?:x\d+)?(?:\.\d+)?b))?", name)
    if match is None:  # a preset named outside the family-version-size pattern is still found by its whole name
        return ModelName(preset, name, "", "", "")
    return ModelName(preset, match[1], match[2] or "", match[3] or "", match[4] or "")


MODEL_NAMES = tuple(_model_name(preset) for preset in PRESETS)
FAMILIES = sorted({m.family for m in MODEL_NAMES}, key=len, reverse=True)


def _size_regex() -> str:
    return rf"(?P<size>\d+(?:\.\d+)?{SEP}[x×]{SEP}\d+(?:\.\d+)?{SEP}b|\d+(?:\.\d+)?{SEP}b)"


MODEL_PATTERN = re.compile(
    rf"{START}(?P<family>{'|'.join(SEP.join(map(re.escape, re.split(r'[-_]', family))) for family in FAMILIES)})"
    rf"(?:{SEP}v?(?P<version>\d+(?:\.\d+)?)(?!{SEP}[x×]|\d|{SEP}b{END}))?"
    rf"(?:{SEP}(?P<extra>{'|'.join(sorted({m.extra for m in MODEL_NAMES if m.extra})) or 'no-extra'}))?"
    rf"(?:{SEP}{_size_regex()})?(?:{SEP}(?:instruct|chat|base|it|hf))?{END}",
    re.IGNORECASE,
)
# "foo-13b", "qwen2.5-72b", "qwen 72b": a name the presets lack, with its size in it.
UNKNOWN_MODEL_PATTERN = re.compile(
    rf"{START}(?P<name>[a-z][a-z0-9.]*(?:[\-_][a-z0-9.]+)*?)(?:[\s\-_]+v?\d+(?:\.\d+)?)?[\s\-_]+"
    rf"(?P<size>\d+(?:\.\d+)?[\s]?b){END}(?:[\s\-_](?:instruct|chat|base|it){END})?",
    re.IGNORECASE,
)


def _compact(text: str) -> str:
    return re.sub(r"[\s\-_]", "", text).lower().replace("×", "x")


# The presets by their family as compacted ("deepseek r1" is deepseek-r1), in the presets' order: keyed once.
_BY_FAMILY: dict[str, list[ModelName]] = {}
for _name in MODEL_NAMES:
    _BY_FAMILY.setdefault(_compact(_name.family), []).append(_name)


def resolve_model(family: str, version: str, extra: str, size: str) -> tuple[list[ModelPreset], bool]:
    """The presets a spelling could name, likeliest first, and whether the spelling named the first exactly."""
    size = _compact(size)
    found = _BY_FAMILY.get(_compact(family), [])
    if version:
        exact = [m for m in found if m.version == version]
        if size and all(_compact(m.size) != size for m in exact):  # "llama 3 405b" is Llama 3.1's: 3 had no 405B
            exact = []
        found = exact or [m for m in found if m.version.startswith(f"{version}.")]
    # "gpt-4" is GPT-4, not GPT-4 Turbo: a variant only when its word is given.
    found = [m for m in found if m.extra == extra.lower()] or ([] if extra else found)
    if size:
        found = [m for m in found if m.size == size]
    exact_spelling = bool(found) and found[0].version == version and found[0].size == size
    # Newest first (the catalog lists older versions first); with no extra word, the plain model before a variant.
    ranked = sorted(reversed(found), key=lambda m: bool(m.extra) and not extra)
    return [m.preset for m in ranked], exact_spelling and len(found) == 1


# ---------------------------------------------------------------------------------------------------------------
# GPUs, from the catalog's ids and aliases: "H100s", "h100 sxm", "TPU v5p", "8xH100".


# "v3" alone is more often DeepSeek's than a TPU's: TPU names are read with their "TPU".
TPU_SHORT = re.compile(r"v\d[a-z]?", re.IGNORECASE)
GPU_NAMES = [name for gpu in CATALOG for name in (gpu.id, *gpu.aliases) if not TPU_SHORT.fullmatch(name)]
GPU_BY_NAME: dict[str, Accelerator] = {_compact(name): gpu for gpu in CATALOG for name in (gpu.id, *gpu.aliases)}


def _gpu_regex(name: str) -> str:
    """A separator may stand where the name has one, or where two letters or more meet digits: `mi 300x`, `rtx 4090`
    (not `a 100`: "a 100B model" names no GPU)."""
    pieces = [
        p
        for part in re.split(r"[\s\-_]+", name.lower())
        for p in re.findall(r"[a-z]{2,}(?=\d)|.+?(?=[a-z]{2,}\d|$)", part)
    ]
    return r"[\s\-_]?".join(re.escape(piece) for piece in pieces if piece)


GPU_ALTERNATIVES = "|".join(
    dict.fromkeys(_gpu_regex(n) for n in sorted(GPU_NAMES, key=lambda n: len(_compact(n)), reverse=True))
)
# A variant's words after the name ("SXM4-80GB", "HBM3") say nothing the catalog's id has not: taken with it.
# The first letters any name can start with: positions that cannot start one are passed over at once.
GPU_FIRST = "".join(sorted({name[0].lower() for name in GPU_NAMES} | set("nag")))
GPU = rf"(?=[{GPU_FIRST}])(?:nvidia\s*|amd\s*|google\s*)?(?P<gpu>{GPU_ALTERNATIVES})(?:s|'s)?(?:[\s\-_]?(?:sxm\d?|hbm\d?e?|\d+\s*gb))*{END}"


def gpu_display(gpu: Accelerator) -> str:
    """The shortest name the catalog knows a part by, as a command should show it: `A100`, `H100`, `MI300X`."""
    names = [n for n in (gpu.id, *gpu.aliases) if re.search("[a-z]", n, re.I) and not TPU_SHORT.fullmatch(n)]
    return min(names, key=len)


# ---------------------------------------------------------------------------------------------------------------
# The reading itself


@dataclass
class Slots:
    """What the words said so far; `natural` once anything beyond the strict grammar's own forms was read."""

    jobs: list[str] = field(default_factory=list)
    run_word: bool = False
    model: ModelPreset | None = None
    model_word: str = ""
    alternatives: list[ModelPreset] = field(default_factory=list)
    tentative_model: tuple[str, ModelPreset] | None = None
    params: str | None = None
    tokens: str | None = None
    bare: list[tuple[int, str]] = field(default_factory=list)
    gpus: list[str] = field(default_factory=list)
    count: str | None = None
    options: dict[str, str] = field(default_factory=dict)
    passthrough: list[str] = field(default_factory=list)
    listing: str | None = None
    second_model: str | None = None  # "70b vs 405b": the size after "vs"
    epochs: float | None = None  # passes over the tokens: "3 epochs over 100B tokens" trains on 300B
    serving_hint: bool = False
    token_rate: tuple[str, float] | None = None  # "1B tokens a day": the words, and tokens a second
    rent_word: bool = False
    hourly: bool = False  # "per hour", "每小时": with GPUs and no model, their prices compared
    ignored: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    natural: bool = False
    english: bool = False


Handler = Callable[[Slots, re.Match[str]], bool]


def _word_number(text: str) -> int | None:
    """A number in words: one of WORD_NUMBERS, or tens and a unit as COMPOUND_WORDS matches them."""
    values = [WORD_NUMBERS.get(part) for part in re.split(r"[\s\-]+", text.lower())]
    return None if None in values else sum(value for value in values if value is not None)


def _number(text: str) -> float:
    text = text.replace(",", "").strip()
    word = _word_number(text)
    if word is not None:
        return float(word)
    if all(char in CN_DIGITS or char == "十" for char in text):
        return float(_chinese_number(text))
    return float(text)


CN_PLACES = {"十": 10, "百": 100, "千": 1000}


def _chinese_number(text: str) -> int:
    """一 to 九千九百九十九 (三十天, 两周, 五百亿, 千亿): a digit before each place, or 1 when none is written;
    digits with no place are read one after the other (八五折 is 85折)."""
    if not any(char in CN_PLACES for char in text):
        return int("".join(str(CN_DIGITS[char]) for char in text))
    total = 0
    digit: int | None = None
    for char in text:
        if char in CN_PLACES:
            total += (1 if digit is None else digit) * CN_PLACES[char]
            digit = None
        else:
            digit = CN_DIGITS[char]
    return total + (digit or 0)


def _chinese_figures(text: str) -> str:
    """ "千亿" -> "1000亿", "一万亿" -> "1万亿", "两周" stays: numerals written in characters before a unit of count."""

    def figures(match: re.Match[str]) -> str:
        return f"{_chinese_number(match[1])}{match[2]}"

    counts = r"(万亿|亿|张|块|卡|台|轮|个epoch|epochs?|折)"
    text = re.sub(rf"(?<![\d.])([一二两三四五六七八九十百千]+)\s*{counts}", figures, text)
    # A time may follow a figure ("H800一周"); a count may not ("2千亿" is 2000亿, not 2 and 千亿).
    return re.sub(
        r"(?<!\.)([一二两三四五六七八九十百千]+)\s*(天|周|个月|个星期|星期|年)", lambda m: f" {figures(m)}", text
    )


def _g(value: float) -> str:
    return f"{value:.6g}"


def _set(slots: Slots, key: str, value: str) -> bool:
    slots.options.setdefault(key, value)
    slots.natural = True
    return True


def _quantity_word(text: str) -> str:
    """A quantity as the grammar reads it, in the person's own figures: `70 b` -> `70B`, `8 × 7b` -> `8x7B`."""
    word = re.sub(r"\s+", "", text).replace("×", "x").replace("X", "x")
    return word[:-1] + word[-1].upper() if word[-1] in "kmbgt" else word


def _on_model(slots: Slots, match: re.Match[str]) -> bool:
    family, version, extra, size = (match[name] or "" for name in ("family", "version", "extra", "size"))
    word = match[0].strip()
    presets, exact = resolve_model(family, version, extra, size)
    if not presets:
        if size:  # a version the presets lack: "llama 3.3 70b" is still a 70B model
            slots.params = slots.params or _quantity_word(size)
            slots.notes.append(Note("read_unknown_model", {"word": word, "params": _quantity_word(size)}))
            slots.natural = True
            return True
        if version:  # "GPT-2": a model the presets lack, size not given with it; its digits are no size
            slots.ignored.append(word)
            slots.natural = True
            return True
        return False
    slots.natural = slots.natural or not exact or word.lower() != presets[0].name
    if not version and not size:
        names = [_model_name(preset) for preset in presets]
        if len({name.version for name in names}) > 1:
            return False  # "llama" alone names no one model: Llama 2, 3 and 3.1 are all presets
        # "mixtral": the family's one preset, or its smallest (Mixtral 8x7B, not 8x22B), unless a size is given too
        slots.tentative_model = (word, min(presets, key=lambda preset: preset.params))
        return True
    if slots.model is None:
        slots.model, slots.model_word, slots.alternatives = presets[0], word, presets[1:]
        if not exact and len(presets) == 1 and _compact(word) != _compact(presets[0].name):
            slots.notes.append(Note("read_nearest_model", {"word": word, "preset": presets[0].name}))
    return True


def _on_unknown_model(slots: Slots, match: re.Match[str]) -> bool:
    name = match["name"].lower()
    if name in FILLER or name in JOB_WORDS or name in RUN_WORDS or name in SCALE_WORDS or _compact(name) in GPU_BY_NAME:
        return False
    if slots.params is not None or slots.model is not None:
        return False
    size = _quantity_word(match["size"])
    slots.params = size
    slots.notes.append(Note("read_unknown_model", {"word": match[0].strip(), "params": size}))
    slots.natural = True
    return True


def _count(text: str) -> str:
    """A count as the grammar reads one (`1024`, `1K`, `1,024`): kept as typed, so no figure is rounded here; a
    count in words ("two H100s") in figures."""
    word = _word_number(text)
    return str(word) if word is not None else re.sub(r"\s+", "", text).upper()


def _on_counted_gpu(slots: Slots, match: re.Match[str]) -> bool:
    _on_gpu(slots, match)
    slots.count = slots.count or _count(match["count"])
    return True


def _on_gpu(slots: Slots, match: re.Match[str]) -> bool:
    gpu = GPU_BY_NAME[_compact(match["gpu"])]
    name = gpu_display(gpu)
    if name not in slots.gpus:
        slots.gpus.append(name)
    slots.natural = slots.natural or not match[0].lower().startswith("gpu=")
    return True


def _on_unknown_gpu(slots: Slots, match: re.Match[str]) -> bool:
    """A part shaped like a GPU's name that the catalog lacks (A800, MI250X, Ascend 910B): named as the GPU asked
    for, so the answer says the catalog has no such GPU rather than reading its digits as a size."""
    name = (match["gpu"] and f"Ascend-{match['gpu'].upper()}") or match["gpu2"].upper()
    if name not in slots.gpus:
        slots.gpus.append(name)
    slots.natural = True
    return True


def _on_two_models(slots: Slots, match: re.Match[str]) -> bool:
    """ "70b vs 405b": two models. Comparisons here are across GPUs, so the first is answered, the second offered."""
    if slots.params is not None or slots.model is not None:
        return False
    slots.params = _quantity_word(match["n"])
    slots.second_model = _quantity_word(match["other"])
    slots.natural = True
    return True


def _on_active(slots: Slots, match: re.Match[str]) -> bool:
    return _set(slots, "active", _quantity_word(match["n"]))


def _on_experts(slots: Slots, match: re.Match[str]) -> bool:
    """ "8 experts of 7B" is the grammar's `8x7B`."""
    if slots.params is not None:
        return False
    slots.params = f"{match['experts']}x{_quantity_word(match['n'])}"
    slots.natural = True
    return True


def _on_epochs(slots: Slots, match: re.Match[str]) -> bool:
    slots.epochs = _number(match["n"])
    slots.natural = True
    return True


def _on_years(slots: Slots, match: re.Match[str]) -> bool:
    """ "一年", "3年": two figures at most, so a calendar year ("2025年") is never read as a length."""
    return _on_days(slots, match)


def _on_hours(slots: Slots, match: re.Match[str]) -> bool:
    return _set(slots, "hours", _g(_number(match["n"].lower())))


def _on_hourly(slots: Slots, match: re.Match[str]) -> bool:
    slots.hourly = True
    slots.natural = True
    return True


def _on_gpu_node(slots: Slots, match: re.Match[str]) -> bool:
    """ "a DGX H100", "2 HGX H200": eight GPUs to a node."""
    _on_gpu(slots, match)
    slots.count = slots.count or str(int(match["nodes"] or 1) * NODE_GPUS)
    slots.natural = True
    return True


def _on_gpu_hours(slots: Slots, match: re.Match[str]) -> bool:
    if match["gpu"]:
        _on_gpu(slots, match)
    return _set(slots, "gpu_hours", _quantity_word(match["n"]))


def _on_count(slots: Slots, match: re.Match[str]) -> bool:
    slots.count = slots.count or _count(match["count"])
    slots.natural = True
    return True


def _on_days(slots: Slots, match: re.Match[str]) -> bool:
    unit = match["unit"].lower()
    scale = {"w": 7, "周": 7, "星": 7, "m": 30, "月": 30, "个": 30, "q": 90, "季": 90, "y": 365, "年": 365}.get(
        unit[0], 1
    )
    return _set(slots, "days", _g(_number(match["n"].lower()) * scale))


def _on_rps(slots: Slots, match: re.Match[str]) -> bool:
    n = match["n"].lower().replace(",", "")
    value = _number(n.rstrip("km")) * {"k": 1e3, "m": 1e6}.get(n[-1], 1)
    per = (match.groupdict().get("per") or "s").lower()
    seconds = SECONDS_PER.get(per[0], 1)  # per second unless a minute, an hour or a day is said
    slots.serving_hint = True
    return _set(slots, "rps", _g(value / seconds))


def _on_price(slots: Slots, match: re.Match[str]) -> bool:
    return _set(slots, "price", _g(_number(match["n"])))


# A load in tokens over a minute or longer ("tokens per second" is more often a speed asked for than a load).
SECONDS_PER = {"m": 60, "分": 60, "h": 3600, "小": 3600, "d": 86400, "天": 86400, "日": 86400}
SECONDS_PER_MONTH = 30 * 86400  # a month as the reader reads one elsewhere: 30 days


def _on_token_rate(slots: Slots, match: re.Match[str]) -> bool:
    """ "1B tokens a day", "每天10亿token": a load in tokens, made requests a second once the request's size is known."""
    per = match["per"].lower()
    seconds = SECONDS_PER_MONTH if per.startswith(("mo", "月")) else SECONDS_PER[per[0]]
    try:
        tokens = parse_quantity(_quantity_word(match["n"]))
    except QuantityError:
        return False
    slots.token_rate = (match[0].strip(), tokens / seconds)
    slots.serving_hint = True
    slots.natural = True
    return True


def _on_rate(slots: Slots, match: re.Match[str]) -> bool:
    return _set(slots, "rate", _g(_number(match["n"])))


def _on_yuan_price(slots: Slots, match: re.Match[str]) -> bool:
    """A price per GPU-hour in yuan, as the grammar writes one (`price=¥15`): converted at the rate in effect."""
    return _set(slots, "price", f"¥{_g(_number(match['n']))}")


def _on_discount(slots: Slots, match: re.Match[str]) -> bool:
    return _set(slots, "discount", f"{match['n']}{'折' if '折' in match[0] else '%'}")


def _on_basis(slots: Slots, match: re.Match[str]) -> bool:
    word = (match["b"] or match["b2"]).lower().replace(" ", "-")
    basis = {"竞价": "spot", "抢占式": "spot", "preemptible": "spot", "按需": "on-demand", "reserved": "commit"}
    return _set(slots, "basis", basis.get(word, "on-demand" if word.startswith("on") else word))


def _on_commitment(slots: Slots, match: re.Match[str]) -> bool:
    years = (match["years"] or match["years2"]).lower()
    return _set(slots, "basis", "commit-3y" if years in ("3", "three", "三") else "commit")


def _on_half_price(slots: Slots, match: re.Match[str]) -> bool:
    return _set(slots, "discount", "50%")


def _on_mfu(slots: Slots, match: re.Match[str]) -> bool:
    value = match["n"].rstrip("%")
    return _set(slots, "mfu", f"{value}%" if float(value) > 1 or "%" in match[0] else value)


def _on_precision(slots: Slots, match: re.Match[str]) -> bool:
    word = match["p"].lower().replace("-", "").replace(" ", "")
    read = {"int4": "fp4", "nf4": "fp4", "4bit": "fp4", "8bit": "int8", "fp32": "tf32"}.get(word, word)
    if read != word:
        slots.notes.append(Note("read_precision", {"word": match[0].strip(), "precision": read}))
    return _set(slots, "precision", read)


def _on_currency(slots: Slots, match: re.Match[str]) -> bool:
    word = match["c"].lower()
    return _set(slots, "currency", "USD" if word in ("usd", "dollars", "dollar", "美元", "美金") else "CNY")


def _on_budget(slots: Slots, match: re.Match[str]) -> bool:
    return _set(slots, "budget", _quantity_word(match["n"]))


def _on_io(slots: Slots, match: re.Match[str]) -> bool:
    side = match["side"].lower()
    key = "input" if side in ("input", "prompt", "输入", "in") else "output"
    slots.serving_hint = True
    return _set(slots, key, _count(match["n"]))


def _on_input_output(slots: Slots, match: re.Match[str]) -> bool:
    slots.serving_hint = True
    _set(slots, "input", _count(match["input"]))
    return _set(slots, "output", _count(match["output"]))


def _on_per_request(slots: Slots, match: re.Match[str]) -> bool:
    slots.serving_hint = True
    return _set(slots, "tokens", _count(match["n"]))


def _on_single_user(slots: Slots, match: re.Match[str]) -> bool:
    """ "a single user", "one request at a time", "单用户": a batch of one."""
    slots.serving_hint = True
    return _set(slots, "batch", "1")


def _on_batch(slots: Slots, match: re.Match[str]) -> bool:
    value = match["n"].lower()
    slots.serving_hint = True
    return _set(slots, "batch", "max" if value.startswith("max") else value)


def _on_concurrency(slots: Slots, match: re.Match[str]) -> bool:
    """ "50 concurrent users", "concurrency 32", "并发 50": requests served at once are the batch."""
    slots.serving_hint = True
    # `m`: the Chinese "并发 N", the one pattern that has it; a count in words ("thirty-two concurrent users") in figures
    return _set(slots, "batch", _count(match["n"] or match["m"]))


def _on_pipeline(slots: Slots, match: re.Match[str]) -> bool:
    slots.serving_hint = True
    return _set(slots, "pp", match["n"])


def _on_serving_words(slots: Slots, match: re.Match[str]) -> bool:
    slots.serving_hint = True
    slots.natural = True
    return True


def _on_method(slots: Slots, match: re.Match[str]) -> bool:
    slots.jobs.append("finetune")
    word = _compact(match[0])
    if word in ("lora", "qlora"):
        slots.options.setdefault("method", word)
    slots.natural = True
    return True


def _on_tokens(slots: Slots, match: re.Match[str]) -> bool:
    if slots.tokens is not None:
        return False
    slots.tokens = _quantity_word(match["n"])
    slots.natural = True
    return True


def _on_params(slots: Slots, match: re.Match[str]) -> bool:
    if slots.params is not None:
        return False
    slots.params = _quantity_word(match["n"])
    slots.natural = True
    return True


def _on_bare(slots: Slots, match: re.Match[str]) -> bool:
    slots.bare.append((match.start(), _quantity_word(match["n"])))
    return True


def _on_seed(slots: Slots, match: re.Match[str]) -> bool:
    return _set(slots, "formula", "seed")


def _on_help(slots: Slots, match: re.Match[str]) -> bool:
    slots.listing = "help"
    slots.natural = True
    return True


def _on_option(slots: Slots, match: re.Match[str]) -> bool:
    key = match["key"].lower()
    if key in ("model", "params", "size") and match["value"]:  # `model=70B`: what the grammar takes in first place
        preset = find_preset(match["value"])
        if preset is not None:
            slots.model, slots.model_word = preset, match[0]
        else:
            slots.params = match["value"]
        slots.natural = True
        return True
    if key == "qps":  # the serving branch's name for it
        slots.options["rps"] = match["value"]
        slots.natural = True
        return True
    slots.passthrough.append(match[0])
    return True


DIGITS_START = r"(?<![\d.])(?<!\d,)"  # a number is read from its first digit only (no rescans inside a long one)
N = rf"{DIGITS_START}(?P<n>\d[\d,]*(?:\.\d+)?k?)"
SMALL = rf"(?<![\d.])(?<!\d,)(?P<n>\d+(?:\.\d+)?|{COMPOUND_WORDS}|{'|'.join(w for w in WORD_NUMBERS if w != 'hundred')}|[一二两三四五六七八九十]+)"
YUAN = r"元|块钱|块|rmb|cny|yuan|人民币"
# per GPU-hour: "/h", "per hour", "an hour", "每卡时", "每小时", "/卡/小时", "一小时"
PER_HOUR = (
    r"(?:/|per|an|a|each|every|每|一)\s*(?:gpu|card|卡|张卡|块卡)?[\s\-]*(?:/|每|per)?\s*"
    r"(?:h|hr|hrs|hour|gpu[\s\-]*hour|小时|个小时|时|卡时|卡小时|gpu小时)(?![a-z])"
)
HOURLY = r"每\s*(?:gpu|卡|张卡|块卡)?\s*(?:每)?\s*(?:小时|卡时)|(?:单价|价格|租金)\s*(?:每|/)\s*(?:卡时|小时)"
RULES: tuple[tuple[re.Pattern[str], Handler], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), handler)
    for pattern, handler in (
        # "1 USD = 7.2 CNY" (its spaces around "=" already gone): a rate, not an option named `USD`
        (rf"{START}1\s*(?:美元|美金|usd|dollars?|\$)\s*(?:=|兑|换|to)\s*{N}\s*(?:{YUAN})", _on_rate),
        (r"(?P<key>[a-z_]+)=(?P<value>\S*)", _on_option),
        # the exchange rate, said as one: "7.2 yuan per dollar", "exchange rate 7.2", "汇率7.2", "1美元=7.2元"
        (
            rf"{START}{N}\s*(?:{YUAN})\s*(?:/|per|a|to\s+the|每|兑)\s*(?:1\s*)?(?:dollar|usd|us\$|\$|美元|美金){END}",
            _on_rate,
        ),
        (rf"(?:{START}(?:exchange|fx)[\s\-]*rate|汇率)\s*(?:of|is|at|=|:|是|为|按)?\s*{N}", _on_rate),
        # yuan per GPU-hour, before the dollar patterns (which would take "每小时15元" as $15)
        (rf"¥\s*{N}\s*(?:{PER_HOUR})", _on_yuan_price),
        (rf"{START}{N}\s*(?:{YUAN})\s*(?:{PER_HOUR})", _on_yuan_price),
        (rf"(?:{HOURLY})\s*(?:是|为|要)?\s*¥?\s*{N}\s*(?:{YUAN})", _on_yuan_price),
        (rf"¥\s*{N}\s*(?:{YUAN})?\s*(?:的)?\s*(?:单价|价格|租金)", _on_yuan_price),
        (rf"(?:单价|价格|租金|price|rate)\s*(?:of|is|at|=|:|是|为)?\s*¥\s*{N}{END}", _on_yuan_price),
        (rf"(?:单价|价格|租金|price|rate)\s*(?:of|is|at|=|:|是|为)?\s*{N}\s*(?:{YUAN}){END}", _on_yuan_price),
        (rf"{START}\$\s*{N}\s*(?:/|per|an|a|each|every)\s*(?:gpu|card|chip)?[\s\-]*(?:h|hr|hrs|hour){END}", _on_price),
        (
            rf"{START}{N}\s*(?:dollars?|usd|bucks)\s*(?:/|per|an|a|each|every)\s*(?:gpu|card|chip)?[\s\-]*(?:h|hr|hour){END}",
            _on_price,
        ),
        (
            rf"{START}(?:price|rate)\s*(?:of|is|at|=|:)?\s*\$\s*{N}(?:\s*/\s*(?:gpu[\s\-]*)?h(?:r|our)?)?{END}",
            _on_price,
        ),
        (rf"每\s*(?:gpu|卡|张卡|块卡)?\s*(?:每)?\s*小时\s*\$?\s*{N}\s*(?:美元|美金|刀|usd|\$)?", _on_price),
        (rf"\$?\s*{N}\s*(?:美元|美金|刀)\s*(?:/|每)\s*(?:gpu|卡)?\s*(?:每)?\s*(?:小时|时)", _on_price),
        (rf"(?:budget|预算)\s*(?:of|is|:|=|是|为)?\s*\$?\s*(?P<n>{QUANTITY})\s*(?:dollars|usd|美元|美金)?", _on_budget),
        (rf"(?:with|have|got)\s*(?:a\s*)?\$\s*(?P<n>{QUANTITY}){END}(?:\s*budget)?", _on_budget),
        (rf"{START}\$\s*(?P<n>{QUANTITY})\s*budget", _on_budget),
        (rf"{START}\$?\s*(?P<n>{QUANTITY})\s*(?:美元|美金|刀|dollars|usd)\s*(?:的)?\s*(?:预算|budget)", _on_budget),
        (rf"{START}(?P<n>\d+(?:\.\d+)?)\s*%\s*(?:off|discount|折扣|优惠)", _on_discount),
        (r"(?:discount|折扣)\s*(?:of|is|:|=)?\s*(?P<n>\d+(?:\.\d+)?)\s*%", _on_discount),
        (rf"打?\s*{DIGITS_START}(?P<n>\d+(?:\.\d+)?)\s*折", _on_discount),
        (r"half[\s\-]*price|半价|打对折", _on_half_price),
        (
            rf"{START}(?P<years>1|one|3|three)[\s\-]*(?:year|yr)s?[\s\-]*(?:commit(?:ment)?|reserv(?:ed|ation)|contract)"
            rf"|(?P<years2>1|一|3|三)\s*年\s*(?:预留|包年|合约|承诺)",
            _on_commitment,
        ),
        (
            rf"{START}(?:on\s+)?(?P<b>spot|preemptible|on[\s\-]?demand|reserved)(?:\s+(?:price|pricing|instances?))?{END}"
            r"|(?P<b2>竞价|抢占式|按需)(?:实例|价格)?",
            _on_basis,
        ),
        (rf"{START}(?P<n>\d+(?:\.\d+)?\s*%?)\s*(?:mfu|utili[sz]ation|利用率)", _on_mfu),
        (
            r"(?:mfu|utili[sz]ation|利用率)\s*(?:of|at|is|=|:|为|是|按|取|设为|设|用)?\s*(?P<n>\d+(?:\.\d+)?\s*%?)",
            _on_mfu,
        ),
        (rf"{START}(?P<p>fp8|fp16|bf16|tf32|int8|fp4|int4|nf4|fp32|[48][\s\-]?bit){END}", _on_precision),
        (rf"{START}(?:in|to|into)\s+(?P<c>rmb|cny|yuan|renminbi|usd|dollars?){END}", _on_currency),
        (rf"{START}(?P<c>rmb|cny|yuan|renminbi){END}|(?P<c2>人民币)", lambda s, m: _set(s, "currency", "CNY")),
        (r"(?:用|以)?(?P<c>美元|美金)(?:计|计算|算)?", _on_currency),
        (r"(?<!美)(?:元|块钱)", lambda s, m: _set(s, "currency", "CNY")),
        (
            rf"{START}(?P<n>{QUANTITY})\s*(?:个)?\s*(?:tokens?|词元)\s*(?:a|an|per|/|each|every)\s*"
            rf"(?P<per>day|hour|hr|h|month|mo|minute|min){END}",
            _on_token_rate,
        ),
        (rf"每(?:个)?(?P<per>天|日|小时|月|分钟)\s*(?P<n>{QUANTITY})\s*(?:个)?\s*(?:tokens?|词元)", _on_token_rate),
        (rf"(?P<n>{QUANTITY})\s*(?:个)?\s*(?:tokens?|词元)\s*(?:/|每)\s*(?P<per>天|日|小时|月)", _on_token_rate),
        (
            rf"{START}{DIGITS_START}(?P<n>\d[\d,]*(?:\.\d+)?[km]?)\s*(?:requests?|reqs?|queries|calls|users?)\s*(?:/|per|a|an|each|every)\s*(?P<per>second|sec|s|minute|min|hour|hr|h|day){END}",
            _on_rps,
        ),
        (rf"{START}{N}\s*(?:qps|rps|req/s|requests?/s|rp(?P<per>m)){END}", _on_rps),
        (rf"{START}(?:qps|rps)\s*(?:of|=|:|为|是)?\s*{N}{END}", _on_rps),
        (rf"每(?P<per>秒|分钟|小时|天)\s*{N}\s*(?:个|次)?\s*(?:请求|查询|调用|并发)?", _on_rps),
        (rf"{N}\s*(?:个|次)?\s*(?:请求|查询)\s*(?:/|每)\s*(?P<per>秒|分钟|小时|天)", _on_rps),
        (
            rf"{START}{DIGITS_START}(?P<input>\d[\d,]*k?)\s*(?:input|prompt)(?:\s*tokens?)?\s*(?:and|&|,|/)\s*"
            rf"(?P<output>\d[\d,]*k?)\s*(?:output|completion|generated)(?:\s*tokens?)?{END}",
            _on_input_output,
        ),
        (
            rf"{START}{N}\s*(?:tokens?\s*)?(?P<side>input|prompt|output|completion|generated)(?:\s*tokens?)?{END}",
            _on_io,
        ),
        (rf"{START}(?P<side>input|prompt|output|completion)s?\s*(?:of|=|:|is)?\s*{N}\s*(?:tokens?)?{END}", _on_io),
        (rf"(?P<side>输入|输出|生成)\s*(?:长度)?\s*{N}\s*(?:个)?\s*(?:token|tokens|词元)?", _on_io),
        (rf"{START}{N}\s*tokens?\s*(?:/|per|each|a|an)\s*(?:requests?|req|query|call|prompt){END}", _on_per_request),
        (rf"每(?:个|次)?(?:请求|查询)\s*{N}\s*(?:个)?\s*(?:token|tokens|词元)", _on_per_request),
        (rf"{START}(?:batch|batch[\s\-]?size|bs)\s*(?:of|=|:|is)?\s*(?P<n>\d+|max(?:imum)?){END}", _on_batch),
        (rf"{START}(?P<n>max(?:imum)?)\s*batch(?:\s*size)?{END}", _on_batch),
        (rf"(?:批量|批大小|批次)\s*{DIGITS_START}(?P<n>\d+)", _on_batch),
        # requests served at once are the batch: "50 concurrent users", "concurrency 32", "并发 50", "50 个并发用户"
        (
            rf"{START}(?P<n>\d+|{COUNT_WORDS})\s*(?:concurrent|simultaneous|parallel)\s*"
            rf"(?:users?|requests?|streams?|sequences?|sessions?|clients?){END}",
            _on_concurrency,
        ),
        (rf"{START}concurrency\s*(?:of|=|:|is)?\s*(?P<n>\d+){END}", _on_concurrency),
        (
            r"(?P<n>\d+)\s*(?:个)?\s*并发(?:用户|请求)?|并发(?:数|用户数?|请求数?)?\s*(?:为|=|:|是)?\s*(?P<m>\d+)",
            _on_concurrency,
        ),
        # "one request" alone is what a request costs, not how many run at once
        (
            rf"{START}(?:single[\s\-]+(?:user|request|stream)|one[\s\-]+(?:user|stream)|one\s+request\s+at\s+a\s+time){END}",
            _on_single_user,
        ),
        (r"单(?:个)?用户", _on_single_user),
        # pipeline stages: "pipeline parallel 2", "pp 2", "2 pipeline stages", "2-way pipeline", "流水线并行 2", "2 级流水线"
        (rf"{START}(?:pipeline[\s\-]*parallel(?:ism)?|pp)\s*(?:of|=|:|is)?\s*(?P<n>\d+){END}", _on_pipeline),
        (rf"{START}(?P<n>\d+)[\s\-]*(?:pipeline[\s\-]*stages?|way\s+pipeline){END}", _on_pipeline),
        (r"流水线(?:并行)?\s*(?:为|=|:)?\s*(?P<n>\d+)", _on_pipeline),
        (r"(?P<n>\d+)\s*级\s*流水线", _on_pipeline),
        (
            rf"{START}(?:per|/|a|an|every|each)\s*(?:1\s*m|1\s*k|one\s*million|million|thousand|1,?000,?000|1,?000|m|k)?\s*(?:output\s*|input\s*)?tokens?{END}",
            _on_serving_words,
        ),
        (
            rf"{START}tokens?\s*(?:per|/|a)\s*(?:second|sec|s){END}|{START}(?:latency|throughput|ttft){END}"
            # how fast a model runs is a serving question; "how fast can we train" names its job, which wins
            rf"|{START}(?:how\s+(?:fast|quick(?:ly)?)|speed){END}|多快|速度",
            _on_serving_words,
        ),
        (r"每\s*(?:百万|千|一百万|1m|1k|m|k)?\s*(?:个)?\s*(?:token|tokens|词元)", _on_serving_words),
        (r"(?<![\d.])一?(?:百万|千)\s*(?:个)?\s*(?:token|tokens|词元)", _on_serving_words),
        (rf"{START}(?:fine[\s\-]?tun(?:e|es|ed|ing)|q?lora){END}", _on_method),
        (
            rf"{START}(?:the\s+)?seed(?:'s)?\s+(?:formula|document)|formula\s+of\s+the\s+seed|种子(?:文档)?(?:的)?公式",
            _on_seed,
        ),
        (rf"{START}pre[\s\-]train(?:ing|ed)?{END}", lambda s, m: _job(s, "train")),
        (rf"{START}cheaper\s+than{END}|{START}faster\s+than{END}", lambda s, m: _job(s, "compare")),
        (rf"{START}how\s+(?:do\s+(?:i|you|we)|to|does\s+(?:this|it))\s+use{END}|怎么用|如何使用|用法", _on_help),
    )
)
# After models and GPUs (which hold digits of their own): time, counts, then quantities by their unit words.
LATE_RULES: tuple[tuple[re.Pattern[str], Handler], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), handler)
    for pattern, handler in (
        (rf"{START}{SMALL}\s*(?P<unit>days?|weeks?|months?|quarters?|years?|d|wks?|yrs?){END}", _on_days),
        (r"(?<![\d.])(?P<n>\d{1,2}(?:\.\d+)?|[一二两三四五六七八九十]+)\s*(?P<unit>年)", _on_years),
        (
            r"(?<![\d.])(?<!\d,)(?P<n>\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*(?P<unit>天|日|周|个?星期|个?月|季度)(?:内|之内|以内)?",
            _on_days,
        ),
        (  # "1M H100 GPU-hours", "1000 A100 hours", "278.8万卡时": GPU-hours in all, before hours and counted GPUs
            rf"{START}(?P<n>{QUANTITY})\s*(?:(?:x|×)?\s*{GPU}[\s\-]*(?:gpu[\s\-]*|卡)?|(?:gpu|card|卡)[\s\-]*)"
            rf"(?:hours?|hrs?|小时|时){END}",
            _on_gpu_hours,
        ),
        (rf"{START}{SMALL}\s*(?P<unit>hours?|hrs?|h|小时|个小时){END}", _on_hours),
        (rf"{START}(?:(?P<nodes>\d+)\s*(?:x|×)?\s*)?(?:dgx|hgx)[\s\-]*{GPU}", _on_gpu_node),
        (
            rf"{START}(?:(?:per|an|a|/|each|every)\s*(?:gpu[\s\-]*)?hour|hourly){END}|每\s*(?:卡)?\s*(?:小时|卡时)",
            _on_hourly,
        ),
        (rf"{START}(?P<count>\d[\d,]*k?|{COUNT_WORDS})\s*(?:x|×|\*)?\s*(?:张|块|个|台|片)?\s*{GPU}", _on_counted_gpu),
        (rf"{START}{GPU}\s*(?:x|×|\*)\s*(?P<count>\d+){END}", _on_counted_gpu),
        (rf"{START}{GPU}", _on_gpu),
        (
            rf"(?:昇腾|ascend|huawei)\s*(?P<gpu>910[a-c]?)(?![a-z0-9])|{START}(?P<gpu2>[a-z]{{1,3}}\d{{3,4}}[a-z]{{0,2}}){END}",
            _on_unknown_gpu,
        ),
        (
            rf"{START}(?P<count>\d[\d,]*k?|{COUNT_WORDS})\s*-?\s*(?:gpus?|cards?|accelerators?|chips?|devices?|张卡|块卡|张|块|卡|台)(?![a-z])",
            _on_count,
        ),
        (rf"{START}{DIGITS_START}(?P<n>\d+(?:\.\d+)?)\s*(?:epochs?|个\s*epochs?|轮)(?![a-z])", _on_epochs),
        (
            rf"(?:active|activated|激活)\s*(?:params?|parameters?|参数)?\s*(?:of|=|:|为|是)?\s*(?P<n>{QUANTITY}){END}",
            _on_active,
        ),
        (rf"{START}(?P<n>{QUANTITY})\s*(?:active|activated|激活参数)(?:\s*(?:params?|parameters?))?{END}", _on_active),
        (rf"{START}(?P<experts>\d+)\s*experts?\s*(?:of|x|×|\*)\s*(?P<n>{QUANTITY}){END}", _on_experts),
        (rf"{START}(?P<n>{QUANTITY})\s*(?:个)?\s*(?:tokens?|toks?|词元|token数){END}", _on_tokens),
        (rf"(?:tokens?|token数|词元|数据量)\s*(?:of|=|:|是|为)?\s*(?P<n>{QUANTITY}){END}", _on_tokens),
        (
            rf"{START}(?P<n>{QUANTITY}?(?:b|亿))\s*(?:models?\s*)?(?:vs\.?|versus|or|和|与|还是|跟|对比)\s*"
            rf"(?P<other>{QUANTITY}?(?:b|亿)){END}",
            _on_two_models,
        ),
        (rf"{START}(?P<n>{QUANTITY})\s*(?:个)?[\s\-]*(?:params?|parameters?|参数量?|的?模型|model){END}", _on_params),
        (rf"(?:参数量?|params|parameters)\s*(?:of|=|:|是|为)?\s*(?P<n>{QUANTITY}){END}", _on_params),
        (rf"{START}(?P<n>{QUANTITY}){END}(?!\s*%)", _on_bare),
    )
)


def _job(slots: Slots, job: str) -> bool:
    slots.jobs.append(job)
    slots.natural = True
    return True


# Rules for words most questions lack, run only when one of these (lower-case) pieces is in the text: a scan of
# the text for a few pieces costs a fraction of a pattern's pass over it.
NEEDS: dict[Handler, tuple[str, ...]] = {
    _on_rate: ("dollar", "usd", "$", "美元", "美金", "rate", "汇率"),
    _on_yuan_price: ("¥", "元", "块", "rmb", "cny", "yuan", "人民币"),
    _on_commitment: ("year", "yr", "年"),
    _on_basis: ("spot", "preemptible", "demand", "reserved", "竞价", "抢占", "按需"),
    _on_gpu_hours: ("hour", "hr", "时"),
    _on_hours: ("hour", "hr", "小时", *(f"{digit}h" for digit in range(10))),
    _on_gpu_node: ("dgx", "hgx"),
    _on_years: ("年",),
    _on_hourly: ("hour", "小时", "卡时"),
    _on_token_rate: ("day", "hour", "hr", "/h", "month", "min", "天", "日", "小时", "月", "分钟"),
    _on_concurrency: ("concurren", "simultaneous", "parallel", "并发"),
}


def _apply(text: str, rules: tuple[tuple[re.Pattern[str], Handler], ...], slots: Slots) -> str:
    """Run each rule over the text; what a rule takes becomes one space, so no later rule reads it twice."""
    lowered_from, lowered = "", ""
    for pattern, handler in rules:
        needs = NEEDS.get(handler)
        if needs is not None:
            if lowered_from != text:  # lowered again only once a rule has taken something
                lowered_from, lowered = text, text.lower()
            if not any(piece in lowered for piece in needs):
                continue
        # Most rules find nothing in a question: a search says so at a fraction of a substitution's setup (and of
        # its handler bound to the slots); where it finds a match, sub finds the same one first.
        if pattern.search(text) is None:
            continue
        text = pattern.sub(partial(_take, handler, slots), text)
    return text


def _take(handler: Handler, slots: Slots, match: re.Match[str]) -> str:
    return " " if match[0].strip() and handler(slots, match) else match[0]


def _words_numbers(text: str) -> str:
    """ "70 billion" -> "70B", "two trillion" -> "2T", "70 B" -> "70B": scale words folded into the number."""
    numbers = "|".join(WORD_NUMBERS)
    scales = "|".join(SCALE_WORDS)

    def fold(match: re.Match[str]) -> str:
        number = match[1].lower()
        value = WORD_NUMBERS.get(number)
        return f"{value if value is not None else number}{SCALE_WORDS[match[2].lower()]}"

    text = re.sub(
        rf"{START}half\s+an?\s+({scales}){END}", lambda m: f"0.5{SCALE_WORDS[m[1].lower()]}", text, flags=re.I
    )
    text = re.sub(rf"{START}(\d+(?:\.\d+)?|{numbers})\s*({scales}){END}", fold, text, flags=re.IGNORECASE)
    return re.sub(rf"{START}(\d+(?:\.\d+)?)\s+([kmbt]){END}", r"\1\2", text, flags=re.IGNORECASE)


# Known words a typo is checked against: job words, units, model families, GPU names.
TYPO_WORDS = sorted(
    {w for w in (*JOB_WORDS, *TOKEN_WORDS, *PARAM_WORDS, *FAMILIES, "billion", "trillion", "million") if w.isascii()}
    | {"requests", "second", "days", "weeks", "months", "gpus", "models", "price", "budget", "dollars", "lora"}
)
TYPO_GPUS = sorted(name for name in GPU_BY_NAME if re.search(r"\d", name) and re.search("[a-z]", name))
# Words the patterns read, or plain English a letter away from a known word: never "corrected".
NOT_TYPOS = frozenset(
    _words("""
    most host post cost rain gain main pain test best rest list last fast past this that then than them they
    request requests second seconds sec minute minutes hour hours day days week weeks month months input output
    prompt prompts completion batch size discount off price prices rate budget dollars dollar bucks half
    utilization utilisation latency throughput nvidia amd google tpu max maximum million billion trillion thousand
    instruct chat base qps rps lora qlora full recompute optimal mixture experts expert cards card chips gpus nodes
    cluster yuan rmb cny usd renminbi each every into tuning tune fine pre per sxm pcie seed seeds formula need
    speed brain strain drain grain billing reserve reserved preserve deserve observe infra server servers taken
    takes mode modal rates date data lore hosts posted costed rained
    """)
)


def _typos(text: str, slots: Slots) -> str:
    """Words a letter or two from a known word ("trian", "H10O", "mixtrl"), corrected and named back."""

    def correct(match: re.Match[str]) -> str:
        word = match[0]
        lower = word.lower()
        if lower in FILLER or lower in NOT_TYPOS or lower in JOB_WORDS or lower in TYPO_WORDS or len(lower) < 4:
            return word
        if re.search(r"\d", lower):
            if (
                not re.fullmatch(r"[a-z]+\d+[a-z0-9]*|[a-z]\d+[a-z]\d*", lower)
                or lower in GPU_BY_NAME
                or lower.removesuffix("s") in GPU_BY_NAME
            ):
                return word  # not a GPU's shape, or a GPU already ("L40S"; "H100s" is the H100, plural)
            read_as_digits = lower[0] + lower[1:].replace("o", "0")  # "H1OO": the letter O for a zero
            if read_as_digits in GPU_BY_NAME:
                slots.notes.append(Note("read_typo", {"word": word, "meant": read_as_digits.upper()}))
                slots.natural = True
                return read_as_digits
            choices = TYPO_GPUS
        elif lower.isalpha():
            choices = TYPO_WORDS
        else:
            return word
        cutoff = 0.8 if len(lower) <= 4 and choices is TYPO_WORDS else 0.75
        close = difflib.get_close_matches(lower, choices, n=3, cutoff=cutoff)
        # A GPU's name a key too many or too few ("A1000", "H10"); one digit for another is another part (A800, H200).
        if choices is TYPO_GPUS:
            close = sorted(
                (name for name in close if abs(len(name) - len(lower)) == 1 and name[0] == lower[0]),
                key=lambda name: not (name.startswith(lower) or lower.startswith(name)),
            )
        if not close:
            return word
        meant = close[0].upper() if choices is TYPO_GPUS else close[0]
        slots.notes.append(Note("read_typo", {"word": word, "meant": meant}))
        slots.natural = True
        return meant

    return re.sub(r"(?<![\w=.\-])[a-z][a-z0-9]*(?![\w=.\-])", correct, text, flags=re.IGNORECASE)


def _segment(run: str) -> list[str]:
    """A run of Chinese characters cut into the words the reader knows, longest first; the rest kept together."""
    words: list[str] = []
    unknown = ""
    i = 0
    while i < len(run):
        for size in range(min(CN_LONGEST, len(run) - i), 0, -1):
            if run[i : i + size] in CN_WORDS_SET:
                if unknown:
                    words.append(unknown)
                    unknown = ""
                words.append(run[i : i + size])
                i += size
                break
        else:
            unknown += run[i]
            i += 1
    return [*words, unknown] if unknown else words


CN_WORDS_SET = frozenset(CN_WORDS)
SENTENCE_MARKS = re.compile("[?!,;？！。，；、]")
PUNCTUATION = "?!.,;:()[]{}\"'`“”‘’？！。，；：（）、~—–-/@#&*+|\\"
# The grammar's own words for a job: alone they make no question of a command.
GRAMMAR_HEADS = frozenset(("train", "training", "infer", "inference", "compare", "训练", "推理"))


def _leftovers(text: str, slots: Slots) -> None:
    """The words no pattern took: jobs, listings, filler, or ignored (and so named back)."""
    for token in re.findall(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\s()\[\]{}/\u3400-\u9fff\uf900-\ufaff]+", text):
        pieces = _segment(token) if is_cjk(token) else [token]
        for piece in pieces:
            word = piece.strip(PUNCTUATION).lower()
            if not word:  # a question mark or a comma: "175B?" is a question, not a command
                slots.natural = slots.natural or bool(SENTENCE_MARKS.search(piece))
                continue
            if word in JOB_WORDS:
                slots.jobs.append(JOB_WORDS[word])
                slots.natural = slots.natural or word not in GRAMMAR_HEADS
            elif word in RUN_WORDS:
                slots.run_word = True
                slots.natural = True
            elif word in LISTING_WORDS:
                slots.listing = slots.listing or LISTING_WORDS[word]
            elif word in FILLER:
                slots.rent_word = slots.rent_word or word in RENT_WORDS
                slots.natural = True
                slots.english = slots.english or word.isascii()
            else:
                slots.ignored.append(piece.strip(PUNCTUATION))


# ---------------------------------------------------------------------------------------------------------------


def read(text: str) -> Reading | None:
    """What free text asks, as a command; None when it holds nothing beyond the strict grammar's own words
    (then the grammar's own error, which names the one word at fault, is the better answer)."""
    if len(text) > MAX_QUESTION or TEAM_COMMAND.match(text):
        return None
    if LISTING_COMMAND.match(text) and not any(word.lower().strip("?") in FILLER for word in text.split()[1:]):
        return None
    slots = Slots()
    # One space for any run of them: the patterns' optional separators then never have a long run to try out.
    work = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).replace("’", "'").replace("‘", "'")
    work = work.replace("&amp;", " & ")  # Slack sends a typed "&" escaped
    work = re.sub(r"(?<=[a-z0-9])'s\b", "", work, flags=re.IGNORECASE)  # "GPT-4's bill" is GPT-4's
    work = re.sub(r"\s*=\s*", "=", work)
    joined = re.sub(rf"(?<={CJK})\s+(?={CJK})", "", work)  # "训 练" is one word
    slots.natural = joined != work
    work = joined
    work = _typos(work, slots)
    work = _chinese_figures(_words_numbers(work))
    work = _apply(work, RULES, slots)
    for pattern, handler in ((MODEL_PATTERN, _on_model), (UNKNOWN_MODEL_PATTERN, _on_unknown_model)):
        work = _apply(work, ((pattern, handler),), slots)
    work = _apply(work, LATE_RULES, slots)
    _leftovers(work, slots)
    if not slots.natural:
        return None
    return _assemble(slots, text)


def _job_of(slots: Slots) -> tuple[str, str | None]:
    """The job asked for; when none was named, the likelier one and the code of the note that says so."""
    jobs = slots.jobs
    for job in ("finetune", "train", "sweep", "infer"):
        if job in jobs:
            return job, None
    serving = slots.serving_hint or any(key in slots.options for key in ("rps", "input", "output", "batch", "pp"))
    if serving:
        return "infer", None
    # Tokens to train on, or a time to finish in, make "a 30B run for 3 weeks" a training run, not serving.
    if slots.tokens or len(slots.bare) > 1 or any(key in slots.options for key in ("days", "budget")):
        return "train", None
    if slots.run_word:
        return "infer", "read_job_run"
    return "train", "read_job_default"


# The order options are written in: the hardware, then money, then time and load.
OPTION_ORDER: tuple[str, ...] = ("gpus", "cards", "pp", "precision", "active", "basis", "price", "discount", "mfu")
OPTION_ORDER += ("currency", "rate")
OPTION_ORDER += ("days", "hours", "budget")
OPTION_ORDER += ("rps", "tokens", "input", "output", "batch", "method", "formula")


def _read_epochs(slots: Slots, tokens: str, epochs: float) -> None:
    """Tokens times passes over them, in the grammar's figures, and a note that says so."""
    try:
        total = format_quantity(parse_quantity(tokens) * epochs)
    except QuantityError:
        return
    slots.notes.append(Note("read_epochs", {"epochs": _g(epochs), "tokens": tokens, "total": total}))
    slots.tokens = total


def _with_second_gpu(command: str, slots: Slots, comparing: bool, typed: set[str]) -> str:
    """A comparison of one GPU made one of two, for a suggestion that works: the A100 (the seed's GPU) beside it, or
    the H100 beside the A100."""
    if not comparing or len(slots.gpus) != 1 or "gpu" in typed:
        return command
    other = "A100" if slots.gpus[0] != "A100" else "H100"
    return command.replace(f"gpu={slots.gpus[0]}", f"gpu={slots.gpus[0]},{other}")


def _read_token_rate(slots: Slots, token_rate: tuple[str, float], serving: bool) -> None:
    """Tokens a second as requests a second (`rps=`), at the request's size as given or the chat default, said in a
    note; in a job that is not serving, the words are named as not used."""
    words, per_second = token_rate
    if not serving or "rps" in slots.options:
        slots.ignored.append(words)
        return
    try:
        if "tokens" in slots.options:
            per_request, shape = parse_quantity(slots.options["tokens"]), "given"
        else:
            given = "input" in slots.options or "output" in slots.options
            input_tokens = parse_quantity(slots.options.get("input", str(CHAT_INPUT)))
            per_request = input_tokens + parse_quantity(slots.options.get("output", str(CHAT_OUTPUT)))
            shape = "given" if given else "chat"
    except QuantityError:
        slots.ignored.append(words)
        return
    rps = _g(float(f"{per_second / per_request:.3g}"))
    slots.options["rps"] = rps
    note = {"words": words, "rps": rps, "tokens": f"{per_request:,.0f}"}
    slots.notes.append(Note(f"read_token_rate_{shape}", note))


def _keyed(slots: Slots, job: str, typed: set[str]) -> list[str]:
    """The options read, as `key=value` for this job: a count of GPUs is `gpus=` in training, `cards=` in serving."""
    options = dict(slots.options)
    serving = job in ("infer", "sweep")
    hours = options.pop("hours", None)
    options.pop("gpu_hours", None)  # a rental's: a job's own GPU-hours are what it answers
    if job == "rent":  # a rental's count of GPUs is `gpus=`, and its length is said as it was asked
        return [f"{key}={value}" for key, value in _rental_options(slots, hours).items() if key not in typed]
    if hours is not None and not serving:  # "train 7B in 48 hours": a training's time is `days=`
        options.setdefault("days", _g(float(hours) / 24))
    if serving:
        options.pop("days", None)
    elif slots.count and "days" in options:
        # "for 2 weeks on 512 GPUs": the GPUs are had; the wall-clock line says whether 2 weeks is enough.
        days = options.pop("days")
        slots.notes.append(Note("read_days_with_gpus", {"days": days, "gpus": slots.count}))
    if slots.count:
        options["cards" if serving else "gpus"] = slots.count
    return [f"{key}={options[key]}" for key in OPTION_ORDER if key in options and key not in typed]


# What a rental takes from the words; anything else read (MFU, load, tokens ...) belongs to a job.
RENTAL_OPTIONS: tuple[str, ...] = ("days", "hours", "gpu_hours", "basis", "price", "discount", "currency", "rate")


def _is_rental(slots: Slots, has_job_subject: bool) -> bool:
    """GPUs with no model, no job and nothing only a job takes: one GPU named, a count, GPU-hours, or a rent word
    with a time."""
    if has_job_subject or set(slots.jobs) - {"compare"} or slots.tokens or slots.listing == "api":
        return False
    if any(key not in RENTAL_OPTIONS for key in slots.options):
        return False
    sized = slots.count is not None or bool({"days", "hours", "gpu_hours"} & slots.options.keys())
    if len(slots.gpus) > 1 or slots.jobs:  # "renting 8 H100 or 8 A100 for a month": GPUs compared, for a rental
        # "an H100 vs an A100 per hour", "H100 and A100 prices": two GPUs' prices, compared as an hour's rental
        return sized or (len(slots.gpus) > 1 and (slots.hourly or slots.listing == "prices"))
    return (
        bool(slots.gpus)
        or slots.count is not None
        or "gpu_hours" in slots.options
        or (slots.rent_word and bool(slots.options))
    )


def _rental_options(slots: Slots, hours: str | None) -> dict[str, str]:
    """`gpus=`, then the time (`days=` or `hours=`, whichever was said; days when both), then money."""
    options: dict[str, str] = {"gpus": slots.count} if slots.count else {}
    time = {"days": slots.options["days"]} if "days" in slots.options else {"hours": hours} if hours else {}
    if "gpu_hours" in slots.options:  # GPUs and time in one
        options, time = {}, {"gpu_hours": slots.options["gpu_hours"]}
    money = {key: slots.options[key] for key in RENTAL_OPTIONS[3:] if key in slots.options}
    return {**options, **time, **money}


def _assemble(slots: Slots, text: str) -> Reading:
    lang = question_language(text) or ("en" if slots.english else None)
    # A family named alone stands for its one preset only when no size is given otherwise ("chinchilla-optimal").
    if slots.tentative_model is not None:
        word, preset = slots.tentative_model
        if slots.model is None and slots.params is None and not slots.bare:
            slots.model, slots.model_word = preset, word
            slots.notes.append(Note("read_nearest_model", {"word": word, "preset": preset.name}))
        else:
            slots.ignored.insert(0, word)
    bare = [word for _, word in sorted(slots.bare)]
    if slots.model is None and slots.params is None and bare:
        slots.params = bare.pop(0)
    if slots.tokens is None and bare and "infer" not in slots.jobs:
        slots.tokens = bare.pop(0)
    if slots.epochs is not None and slots.tokens is not None:
        _read_epochs(slots, slots.tokens, slots.epochs)
    slots.ignored.extend(bare)

    listing = slots.listing
    has_job_subject = slots.model is not None or slots.params is not None
    if not has_job_subject and not slots.jobs and not slots.run_word and listing in ("gpus", "models", "help"):
        return Reading(listing, tuple(slots.ignored), tuple(slots.notes), lang)
    # A GPU alone, no job and no model: what the GPU costs ("How much does an H100 cost per hour?"); with a count
    # or a time, what renting them costs ("what do 2048 H800s cost for 2 months?").
    if _is_rental(slots, has_job_subject):
        gpu = slots.gpus[:1] if len(slots.gpus) < 2 else [f"gpu={','.join(slots.gpus)}"]
        if slots.count is None and slots.options.get("hours") == "1":  # "an A100 for one hour" is its price
            del slots.options["hours"]
        options = _keyed(slots, "rent", {word.split("=", 1)[0].lower() for word in slots.passthrough})
        # No count and no time: the GPU's price ("the hourly price of a B200 on spot?"), every basis of it listed.
        if (
            len(slots.gpus) == 1
            and not slots.count
            and not {"days", "hours", "gpu_hours"} & slots.options.keys()
            and not slots.passthrough
        ):
            return Reading(f"prices {gpu[0]}", tuple(slots.ignored), tuple(slots.notes), lang)
        rental = " ".join(["rent", *gpu, *options, *slots.passthrough])
        return Reading(rental, tuple(dict.fromkeys(slots.ignored)), tuple(slots.notes), lang)
    if listing == "api" and slots.model is not None:
        return Reading(f"api {slots.model.name}", tuple(slots.ignored), tuple(slots.notes), lang)

    if slots.second_model is not None and len(slots.gpus) < 2:  # models compared, not GPUs: one answer each
        slots.jobs = [job for job in slots.jobs if job != "compare"]
    job, job_note = _job_of(slots)
    comparing = "compare" in slots.jobs or len(slots.gpus) > 1
    # What the person typed as `key=value` is theirs: it wins over anything read from their words.
    typed = {word.split("=", 1)[0].lower() for word in slots.passthrough}
    gpu_words = (
        [] if "gpu" in typed or not slots.gpus else [f"gpu={','.join(slots.gpus if comparing else slots.gpus[:1])}"]
    )
    if slots.token_rate is not None:
        _read_token_rate(slots, slots.token_rate, job in ("infer", "sweep") and "rps" not in typed)
    keyed = _keyed(slots, job, typed)
    notes = list(slots.notes)  # after _keyed, which may say what it made of the words
    subject = slots.model.name if slots.model is not None else slots.params
    head = ["compare", "infer" if job in ("infer", "sweep") else "train"] if comparing else [job]
    takes_tokens = job in ("train", "finetune") or head[-1] == "train"  # serving's tokens are per request
    tokens = [slots.tokens] if slots.tokens and takes_tokens else []
    if slots.tokens and not takes_tokens:
        slots.ignored.append(slots.tokens)

    def command(subject_word: str | None) -> str:
        return " ".join(
            [*head, *([subject_word] if subject_word else []), *tokens, *gpu_words, *keyed, *slots.passthrough]
        )

    if slots.alternatives and slots.model is not None:
        other = command(slots.alternatives[0].name)
        notes.append(
            Note("read_model_choice", {"word": slots.model_word, "chosen": slots.model.name, "command": other})
        )
    if slots.second_model is not None and not comparing:
        other = command(slots.second_model)
        notes.append(Note("read_second_model", {"word": slots.second_model, "command": other}))
    if job_note is not None and subject is not None and not comparing:
        other_job = "train" if job == "infer" else "infer"
        kept = [word for word in _keyed(slots, other_job, typed) if not word.startswith(("days=", "budget="))]
        other = " ".join(
            [other_job, subject, *(tokens if other_job == "train" else []), *gpu_words, *kept, *slots.passthrough]
        )
        notes.append(Note(job_note, {"command": other}))
    ignored = tuple(dict.fromkeys(slots.ignored))

    if subject is None and "budget" not in slots.options:  # a budget asks for the model's size
        return Reading(
            command("<model>"),
            ignored,
            tuple(notes),
            lang,
            missing="params",
            suggestion=_with_second_gpu(command(EXAMPLE_PARAMS[lang or "en"]), slots, comparing, typed),
        )
    if subject is None:
        return Reading(command(None), ignored, tuple(notes), lang)
    if job == "finetune" and not tokens:
        return Reading(
            command(subject),
            ignored,
            tuple(notes),
            lang,
            missing="tokens",
            suggestion=" ".join([*head, subject, "100M", *gpu_words, *keyed, *slots.passthrough]),
        )
    if comparing and len(slots.gpus) == 1 and "gpu" not in typed:
        suggestion = _with_second_gpu(command(subject), slots, comparing, typed)
        return Reading(command(subject), ignored, tuple(notes), lang, missing="second_gpu", suggestion=suggestion)
    return Reading(command(subject), ignored, tuple(notes), lang)
