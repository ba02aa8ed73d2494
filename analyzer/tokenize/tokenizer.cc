#include "tokenize/tokenizer.h"
