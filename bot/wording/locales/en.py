"""Every English string the bot and the CLI show, by message code. Values fill the {braces}."""

MESSAGES: dict[str, str] = {
    # errors: the grammar
    "error_prefix": "Sorry, I can't read that.",
    "try": "Try: {example}",
    "did_you_mean": "Did you mean `{suggestion}`?",
    "missing_command": "`{word}` needs a command in front of it.",
    "unknown_command": "I don't know the command `{word}`.",
    "unknown_key": "`{word}`: there is no option `{key}` here.",
    "duplicate_key": "`{word}`: `{key}` is given twice.",
    "tokens_twice": "`{word}` and `{option}` both give the token count: keep one.",
    "missing_params": "`{command}` needs the model size (like `175B`) or a model name (see `models`).",
    "bad_params": "`{word}` is neither a parameter count (like `175B`, `1.8T`, `1750亿`, `8x222B`) nor a model name.",
    "bad_tokens": "`{word}` is not a token count (like `500B`, `13T`, `5000亿`).",
    "unexpected_word": "`{word}` is not expected here: options are written `key=value`.",
    "unknown_gpu": "`{word}`: no such GPU in the catalog (see `gpus`).",
    "bad_value": "`{word}` is not a valid {key}: write it like `{expected}`.",
    "out_of_range": "`{word}` is out of range.",
    "out_of_range_gt": "`{word}` is out of range: it must be more than {limit}.",
    "out_of_range_ge": "`{word}` is out of range: it must be at least {limit}.",
    "out_of_range_lt": "`{word}` is out of range: it must be less than {limit}.",
    "out_of_range_le": "`{word}` is out of range: it must be at most {limit}.",
    "active_exceeds_params": "`{word}`: active parameters cannot exceed the model's total.",
    # free text, read back
    "read_as": "Read as `{command}`",
    "read_ignored": "Ignored: {words}",
    "word_separator": ", ",
    "read_typo": "`{word}` read as `{meant}`.",
    "read_unknown_model": "`{word}` is not a model preset: read as its size, {params}.",
    "read_nearest_model": "`{word}` read as the preset `{preset}`.",
    "read_model_choice": "`{word}` could be more than one model: read as `{chosen}`; for the other: `{command}`",
    "read_job_default": "No job named: read as training; to serve it instead: `{command}`",
    "read_job_run": "`run` read as serving; to train it instead: `{command}`",
    "read_epochs": "{epochs} epochs over {tokens} tokens read as {total} tokens.",
    "read_second_model": "`{word}` is a second model: one is answered at a time (comparisons are across GPUs); for it: `{command}`",
    "read_precision": "`{word}` read as `{precision}`, the nearest precision the catalog has.",
    "read_missing_params": "Missing: a model size or name (like `70B` or `llama3.1-70b`).",
    "read_missing_tokens": "Missing: a number of tokens to fine-tune on (like `100M`).",
    "read_missing_second_gpu": "Missing: a second GPU to compare with.",
    "read_not_supported": "`{part}` is not supported yet; once it is, your question is `{command}`.",
    # errors: the engine
    "no_price": "There is no public price for {gpu} in the catalog: add `price=` in USD per GPU-hour.",
    "precision_unsupported": "{gpu} has no {precision} peak (it has {available}): choose `precision=` or set `flops=`.",
    "unknown_model": "`{model}` is not a model preset (see `models`).",
    "tokens_mismatch": "`tokens={tokens}` is not `input={input}` plus `output={output}`.",
    "input_exceeds_tokens": "`input={input}` leaves no room for output in `tokens={tokens}`.",
    "output_exceeds_tokens": "`output={output}` is more than `tokens={tokens}`.",
    "no_bandwidth": "The catalog has no memory bandwidth for {gpu}, which serving needs: choose another `gpu=`.",
    "internal_error": "Sorry, something went wrong on our side. The error was logged; please try again.",
    # titles
    "train_title": "Training {subject} on {tokens} tokens",
    "infer_title": "Serving {subject}",
    "subject_params": "a {params}-parameter model",
    "subject_moe": "a {params}-parameter model ({active} active)",
    # headlines
    "train_headline": (
        "≈ {cost} at {mfu} MFU ({mfu_kind}; {low}–{high} at {mfu_low}–{mfu_high}%) · {peak} at peak, the seed's formula"
    ),
    "train_headline_seed": "≈ {cost}: the seed's formula (at peak, MFU 100%)",
    "mfu_typical": "typical",
    "mfu_yours": "yours",
    "mfu_team": "team default",
    "infer_headline": "≈ {per_1k} per 1K tokens ({per_1m} per 1M) · {bound}-bound at batch {batch} on {cards} × {gpu}",
    "infer_headline_seed": "≈ {per_1k} per 1K tokens: the seed's formula · the standard formula says {standard}",
    "bound_compute": "compute",
    "bound_memory": "memory",
    # fields
    "field_flops": "FLOPs",
    "flops_value": "{flops} ({per_param_token} × {active} × {tokens})",
    "field_gpu_hours": "GPU-hours",
    "gpu_hours_value": "{hours} at {mfu} MFU · {peak} at peak",
    "field_wall_clock": "Wall-clock",
    "wall_clock_value": "{time} on {gpus} GPUs ({peak} at peak)",
    "wall_clock_missing": "add `gpus=N` to see it",
    "field_cost": "Cost",
    "cost_value": "{cost} at {mfu} MFU · {peak} at peak",
    "field_memory": "Training state",
    "memory_value": "{size} (16 bytes per parameter, mixed-precision Adam) · at least {gpus} × {gpu} to hold it",
    "memory_value_unknown": "{size} (16 bytes per parameter, mixed-precision Adam)",
    "field_energy": "Energy",
    "energy_value": "{mwh} MWh ({watts} W per GPU × PUE {pue})",
    "field_reported": "Reported run",
    "reported_value": "{hours} {gpu} GPU-hours ({source}) · implied MFU {mfu}",
    "field_cost_per_1k": "Cost per 1K tokens",
    "per_1k_value": "{per_1k} ({per_1m} per 1M tokens) · {per_request} per request",
    "field_floor": "Compute floor",
    "floor_value": "{floor} per 1K tokens (2 × {active} FLOPs per token) · reached at batch ≥ {crossover}",
    "field_throughput": "Throughput",
    "throughput_value": "{tps} tokens/s for the whole batch",
    "field_latency": "Latency",
    "latency_value": "{latency} per request ({input} in, {output} out)",
    "field_cards": "Cards",
    "cards_value": "{cards} × {gpu} · weights need at least {min_cards}",
    "cards_value_unknown": "{cards} × {gpu}",
    # assumptions
    "assumptions": "Assumptions",
    "a_gpu": "GPU",
    "a_gpu_value": "{name}, {precision}, {peak} TFLOPS dense peak — {source}",
    "a_gpu_value_override": "{name}, {precision}, {peak} TFLOPS peak (yours)",
    "a_gpu_sparse_halved": "; NVIDIA prints sparse figures, these are dense (sparse/2)",
    "a_mfu": "MFU",
    "a_mfu_typical": "{mfu}, typical of published runs (25–50%)",
    "a_mfu_typical_infer": "{mfu}, typical of serving's compute-bound steps (prefill, large batches)",
    "a_mfu_yours": "{mfu}, yours",
    "a_mfu_team": "{mfu}, {label}",
    "a_mfu_seed": "100%, the seed's assumption (peak)",
    "a_mbu": "MBU",
    "a_mbu_value": "{mbu} of {bandwidth} TB/s HBM bandwidth · {bytes} bytes per weight",
    "a_price": "Price",
    "a_price_catalog": "${price} per GPU-hour: {provider}, {model}, {as_of} — {source}",
    "a_price_label": "${price} per GPU-hour, {label}",
    "a_price_stale": "⚠ possibly stale",
    "a_discount": "Discount",
    "a_discount_none": "none",
    "a_discount_value": "{discount} off (pay {paid})",
    "a_currency": "Currency",
    "a_currency_usd": "USD",
    "a_currency_cny": "CNY at {rate} per USD",
    "a_tokens": "Tokens",
    "a_tokens_given": "{tokens}",
    "a_tokens_preset": "{tokens}, from the {model} preset",
    "a_tokens_chinchilla": "{tokens}, 20 per parameter (Chinchilla-optimal; none given)",
    "a_opt": "Optimization",
    "a_opt_value": "{opt} off the cost",
    "your_price": "your price",
    "notes": "Notes",
    "reproduce": "Reproduce",
    # notes
    "note_price_stale": "The catalog price dates from {as_of}, over 12 months ago: possibly stale. Set yours with `price=`.",
    "note_price_undated": "The catalog price is undated, so possibly stale. Set yours with `price=`.",
    "note_gpu_flags": "About {gpu}: {flags}.",
    "note_tokens_chinchilla": "No token count given: {per_param} tokens per parameter (Chinchilla-optimal).",
    "note_moe_active": "Mixture of experts: compute counts the {active} active parameters of {total}.",
    "note_recompute_full": "Full activation recompute: 8·N·D FLOPs instead of 6·N·D.",
    "note_seed_train": "formula=seed: the seed document's arithmetic, at peak (MFU 100%) on total parameters.",
    "note_weights_do_not_fit": (
        "The weights ({weights_gb} GB) do not fit on {cards} card(s): at least {min_cards} are needed."
    ),
    "note_seed_infer": (
        "formula=seed: the seed divides by the hourly price instead of multiplying by it, drops its own ×2, and lets "
        "batch and cards divide the cost. The standard formula gives {standard} per 1K tokens."
    ),
    "note_memory_bound": (
        "Decode is memory-bound at this batch: a larger batch lowers the cost, down to {floor} per 1K tokens."
    ),
    "note_cards_cut_latency": "More cards cut latency, not cost: k cards cost k times as much per second.",
    "note_kv_cache_ignored": "KV-cache memory and reads are not counted.",
    # units
    "unit_s": "s",
    "unit_min": "min",
    "unit_h": "h",
    "unit_days": "days",
    "unit_years": "years",
    # listings
    "gpus_title": "GPU catalog: dense peaks and default prices",
    "gpu_line": "{id}: {name} · {peak} TFLOPS {precision} · {memory} GB · {bandwidth} TB/s · {power} W · {price}",
    "gpu_price": "${price}/h {provider} {model}, {as_of}",
    "gpu_no_price": "no public price: give `price=`",
    "pricing_on_demand": "on-demand",
    "pricing_reserved_3_years": "3-year reserved",
    "pricing_assumed_rental": "assumed rental price",
    "price_undated": "undated",
    "gpus_footer": "Peaks are dense (NVIDIA prints sparse, twice as high). Use `gpu=<id>`; `A100` means the 80GB SXM.",
    "models_title": "Model presets",
    "model_line": "{name}: {title} · {params} params{active} · {tokens} tokens — {source}",
    "model_active": " ({active} active)",
    "model_tokens_unknown": "undisclosed",
    "help_title": "llmcost: what it costs to train or serve a language model",
    "help_natural": "Ask in your own words",
    "help_natural_lines": (
        "how much to train llama 3 70b on 2T tokens with H100s?\n"
        "is H100 cheaper than A100 for 70B on 2T tokens?\n"
        "serve mixtral on 8xH100 at $2.5/hr\n"
        "训练一个700亿参数模型 2万亿token 要多少钱\n"
        "Every answer starts with the command it was read as: copy it to change any part."
    ),
    "help_usage": "Usage",
    "help_lines": (
        "`train <params|model> [tokens] [key=value ...]`: training cost\n"
        "`infer <params|model> [key=value ...]`: serving cost per 1K tokens\n"
        "`compare <train|infer ...> [gpu=A100,H100,...]`: one job across GPUs, as a chart\n"
        "`gpus`: the GPU catalog with prices and sources · `models`: model presets\n"
        "`set <key> <value>` · `settings` · `reset [key]`: your workspace's defaults (price, gpu, currency, rate, mfu)\n"
        "`help train` · `help infer` · `help keys`"
    ),
    "help_examples": "Examples",
    "help_example_lines": (
        "`train 175B 500B` · `train gpt3 discount=5折 currency=CNY` · `train llama3.1-405b gpu=H100 gpus=16384`\n"
        "`infer 70B batch=32 gpu=H100` · `infer 8.222e11 flops=100T price=3.93 formula=seed`"
    ),
    "help_train": (
        "FLOPs = 6 × active params × tokens (8 with `recompute=full`); GPU-hours = FLOPs / (peak × MFU); "
        "cost = GPU-hours × price × (1 − discount).\n"
        "Keys: `gpu= price= flops= precision= mfu= gpus= active= discount= currency= rate= recompute= formula= pue=`"
    ),
    "help_infer": (
        "Decode at batch B on k cards is bound by compute (2·N·B FLOPs a step) or by reading the weights from HBM, "
        "whichever is slower; cost per 1K tokens = steps × step time × k × price. More cards cut latency, not cost.\n"
        "Keys: `tokens= input= output= batch= cards= opt= mbu= gpu= price= flops= precision= mfu= discount= "
        "currency= rate= formula=`"
    ),
    "help_keys": (
        "Numbers: `175B` `1.8T` `7e9` `70_000_000_000` `1,000` `1750亿` `5万` `8x222B` (8 experts × 222B).\n"
        "Shares: `mfu=40%` or `mfu=0.4`; `discount=50%` or `discount=5折` (pay 50%).\n"
        "Money: `price=` is USD per GPU-hour; `currency=CNY` converts at `rate=` (default 7.1)."
    ),
    # the Slack app
    "share_button": "Share in channel",
    "shared_by": "Shared by {user}",
    "config_missing": "missing required setting {name}",
    "config_invalid": "invalid setting {name}",
    "database_unavailable": "cannot bring the database {url} up to date: {cause}",
    "config_oauth_socket_mode": (
        "SLACK_APP_TOKEN (Socket Mode, one workspace) cannot be combined with SLACK_CLIENT_ID and "
        "SLACK_CLIENT_SECRET (installs in many workspaces, over HTTP): unset one or the other"
    ),
    # compare
    "compare_missing_job": "`compare` needs `train` or `infer` first, then the job's words, as for one estimate.",
    "compare_one_gpu": "`{word}` names one GPU: a comparison needs two or more (or no `gpu=`, for a spread of {count}).",
    "compare_title": "{job}, across {count} GPUs",
    "compare_headline": "Cheapest: {cheapest} at {cost} · fastest: {fastest}, {time}",
    "compare_headline_both": "{gpu} is both the cheapest ({cost}) and the fastest ({time})",
    "compare_per_1k": "{cost} per 1K tokens",
    "compare_gpu_hours": "{hours} GPU-h",
    "compare_chart_cost": "Cost at {mfu} MFU",
    "compare_chart_gpu_hours": "GPU-hours at {mfu} MFU (fewer is faster on as many GPUs)",
    "compare_chart_wall_clock": "Wall-clock on {gpus} GPUs at {mfu} MFU",
    "compare_chart_latency": "Latency per request ({input} in, {output} out)",
    "compare_rows": "Per GPU",
    "compare_row_train": "{cost} · {time} · {peak} TFLOPS {precision} · {price}",
    "compare_row_infer": "{cost} per 1K tokens · {time} per request · {cards} card(s), {bound}-bound · {price}",
    "compare_does_not_fit": "⚠ the weights need at least {min_cards} cards",
    "compare_skipped": "skipped: {reason}",
    "note_compare_one_price": "Your price, ${price} per GPU-hour, applies to every GPU: only their speed differs.",
    "note_compare_one_peak": "Your `flops=` is one peak for every GPU: only prices and memory bandwidth differ.",
    # team defaults (set, settings, reset)
    "team_price_label": "team price, set by {user} on {date}",
    "team_mfu_label": "team default, set by {user} on {date}",
    "missing_setting": "`{command}` needs a setting: gpu, price, currency, rate or mfu.",
    "unknown_setting": "`{word}` is not a team setting: choose gpu, price, currency, rate or mfu.",
    "missing_setting_value": "`{command}` is missing its value.",
    "team_commands_need_a_workspace": "`{command}` keeps a Slack workspace's defaults: use it as `/llmcost {command}`.",
    "not_admin": (
        "Only workspace admins and owners, and the people the app's LLMCOST_ADMINS names{named}, can change team "
        "defaults. Anyone can see them with `settings`."
    ),
    "settings_title": "Team defaults for this workspace",
    "settings_none": "None yet: estimates use the catalog's GPU, prices and typical MFU.",
    "settings_footer": "Admins change them with `set gpu H100`, `set price H100 1.85`, `set currency CNY`, `set rate 7.2`, `set mfu 40%`; `reset [key]` removes them. A value typed in a command always wins.",
    "setting_line": "{name}: {value} · set by {user} on {date}",
    "setting_name_gpu": "GPU",
    "setting_name_price": "price on {gpu}",
    "setting_name_currency": "currency",
    "setting_name_rate": "exchange rate",
    "setting_name_mfu": "MFU",
    "setting_value_price": "${price} per GPU-hour",
    "setting_value_rate": "{rate} CNY per USD",
    "setting_saved": "Saved for this workspace: {name} = {value}. Estimates here use it unless a command types its own.",
    "setting_removed": "Removed the team's {name}: estimates use the default again.",
    "setting_was_not_set": "This workspace has no {name} set: nothing to remove.",
    "settings_removed_all": "Removed all {count} team defaults: estimates use the catalog's again.",
    # the Slack app: the menus under an estimate, the form (bare /llmcost), the Home tab
    "control_gpu": "Another GPU",
    "control_gpu_option": "{gpu} · ${price}/h",
    "control_gpu_no_price": "{gpu} · no public price",
    "control_mfu": "Another MFU",
    "control_mfu_option": "MFU {mfu}",
    "modal_title": "llmcost estimate",
    "modal_submit": "Estimate",
    "modal_close": "Cancel",
    "modal_intro": "What would it cost? Give the model; every other field has a default, stated in the answer.",
    "modal_kind": "Job",
    "modal_kind_train": "Train",
    "modal_kind_infer": "Serve (inference)",
    "modal_params": "Parameters or model",
    "modal_params_hint": "175B, 1.8T, 8x222B, 1750亿, or a preset such as gpt3 or llama3.1-405b",
    "modal_tokens": "Tokens",
    "modal_tokens_hint": "Training: tokens to train on (default 20 per parameter). Serving: tokens per request (default 1000).",
    "modal_gpu": "GPU",
    "modal_gpu_hint": "Default: your team's GPU, else the A100 80GB.",
    "modal_price": "Price, USD per GPU-hour",
    "modal_price_hint": "Default: the catalog's price for that GPU.",
    "modal_mfu": "MFU",
    "modal_mfu_hint": "The share of peak FLOPS reached: 40% or 0.4. Default: 35% training, 50% serving.",
    "modal_gpus": "Number of GPUs",
    "modal_gpus_hint": "Training: for the wall-clock time. Serving: cards per replica.",
    "home_title": "llmcost: what it costs to train or serve a language model",
    "home_intro": (
        "Type `/llmcost` for a form, or a command for an answer at once. Every estimate states its assumptions "
        "and sources; pick another GPU or MFU under it to see the difference."
    ),
    "home_catalog": "GPU catalog: dense peaks and default prices",
    "home_gpu_line": "*{id}* · {peak} TFLOPS {precision} · {memory} GB · {price}",
    "home_price": "${price}/h, {provider} {model}, {as_of}{stale} (source: {source})",
    "home_stale": " ⚠ over a year old or undated",
}
